; Ruby calls: `obj.m(x)` (receiver and name), `m(x)`, `self.m`, `Foo.new`
; (runs Foo#initialize), `Foo.new(x).call` (Foo#call), `a.b(x).c` (named `b.c`), and a bare name as a
; statement or receiver (`authenticate!`, `current_user.admin?`): a method
; call unless a local binds it. A bare name used as a value (`wiki = wiki_new`,
; `render(page_title)`, `if logged_in?`) is a call too when no local binds it;
; written as a reference, it is followed only to a method it surely names (of
; the class, a base class or a mixed-in module), never guessed by name.

(call receiver: [(identifier) (constant) (scope_resolution) (self) (instance_variable)] @call.object method: (identifier) @call.callee)
(call !receiver method: (identifier) @call.callee)
(call
  receiver: [(constant) (scope_resolution)] @call.callee
  method: (identifier) @_new
  (#eq? @_new "new"))
(call
  receiver: (call
    receiver: [(constant) (scope_resolution)] @call.object
    method: (identifier) @_new)
  method: (identifier) @call.callee
  (#eq? @_new "new"))
; A method called on what another method returns (`storage.resource(id).save`):
; named through that method, `resource.save`, guessed like a receiver named
; `resource` (the one class `Resource`). Not on `Foo.new(x)` (above).
(call
  receiver: (call
    method: (identifier) @call.object
    (#not-eq? @call.object "new"))
  method: (identifier) @call.callee)
(body_statement (identifier) @call.callee)
(call receiver: (identifier) @call.callee)
; Values: an assignment's right side, arguments, hash values, elements.
[(assignment right: (identifier) @call.ref) (operator_assignment right: (identifier) @call.ref)
 (right_assignment_list (identifier) @call.ref) (argument_list (identifier) @call.ref)
 (pair value: (identifier) @call.ref) (array (identifier) @call.ref)
 (element_reference object: (identifier) @call.ref) (interpolation (identifier) @call.ref)]
; Conditions and operands (`if logged_in?`, `a ? b : c`, `!blocked?`, `x && y`).
(_ condition: (identifier) @call.ref)
[(conditional consequence: (identifier) @call.ref) (conditional alternative: (identifier) @call.ref)
 (binary left: (identifier) @call.ref) (binary right: (identifier) @call.ref)
 (unary operand: (identifier) @call.ref)]
; The statements of a branch or a `{ }` block (the last one is its value).
[(then (identifier) @call.ref) (else (identifier) @call.ref) (begin (identifier) @call.ref)
 (ensure (identifier) @call.ref) (parenthesized_statements (identifier) @call.ref)
 (block_body (identifier) @call.ref)]
; `send(:name)`, `method(:name)`: the symbol names the method.
; A class passed as an argument (`protected(Gemstash::GemPusher)`): not a
; call; what the called method calls on the parameter receiving it
; (`servable.serve(self)`) goes to that class.
(argument_list [(constant) (scope_resolution)] @call.value)

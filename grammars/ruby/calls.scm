; Ruby calls: `obj.m(x)` (receiver and name), `m(x)`, `self.m`, `Foo.new`
; (runs Foo#initialize), `Foo.new(x).call` (Foo#call), and a bare name as a
; statement or receiver (`authenticate!`, `current_user.admin?`): a method
; call unless a local binds it.

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
(body_statement (identifier) @call.callee)
(call receiver: (identifier) @call.callee)
; `send(:name)`, `method(:name)`: the symbol names the method.

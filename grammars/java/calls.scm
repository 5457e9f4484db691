; Java calls: `orders.find(id)` (receiver and name), `find(id)`, `new T()`
; (runs T's constructor), and method references passed as values
; (`this::handle`, `Jobs::run`).

(method_invocation
  object: [(identifier) (field_access) (this) (super)] @call.object
  name: (identifier) @call.callee)
(method_invocation !object name: (identifier) @call.callee)
(object_creation_expression type: [(type_identifier) (scoped_type_identifier)] @call.callee)
(object_creation_expression
  type: (generic_type [(type_identifier) (scoped_type_identifier)] @call.callee))
(method_reference
  [(identifier) (field_access) (this) (type_identifier)] @call.object
  (identifier) @call.ref)

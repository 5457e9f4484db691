; C# calls, `new T(...)` (a call of T), and methods passed as values
; (method groups: `items.MapPost("/{id}", UpsertItem)`, `Task.Run(Work)`).
; Generic arguments are dropped from names (`AddSingleton<T>` → `AddSingleton`).

(invocation_expression
  function: [(identifier) (generic_name) (qualified_name) (member_access_expression) (conditional_access_expression)] @call.callee)
(object_creation_expression
  type: [(identifier) (generic_name) (qualified_name)] @call.callee)

(argument_list
  (argument [(identifier) (member_access_expression)] @call.ref))

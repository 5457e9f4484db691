; C# calls, `new T(...)` (a call of T), and methods passed as values
; (method groups: `items.MapPost("/{id}", UpsertItem)`, `Task.Run(Work)`).
; Generic arguments are dropped from names (`AddSingleton<T>` → `AddSingleton`).

(invocation_expression
  function: [(identifier) (generic_name) (qualified_name) (member_access_expression) (conditional_access_expression)] @call.callee)
(object_creation_expression
  type: [(identifier) (generic_name) (qualified_name)] @call.callee)

; `nameof(Get)` names a method without running it.
(invocation_expression
  function: (_) @_callee
  arguments: (argument_list
    (argument [(identifier) (member_access_expression)] @call.ref))
  (#not-eq? @_callee "nameof"))
(object_creation_expression
  arguments: (argument_list
    (argument [(identifier) (member_access_expression)] @call.ref)))

; app.UseMiddleware<T>(): the pipeline runs T.Invoke (or InvokeAsync) on requests.
(invocation_expression
  function: (member_access_expression
    name: (generic_name
      (identifier) @_use
      (type_argument_list . (_) @call.ref)))
  (#eq? @_use "UseMiddleware")
  (#set! call.member "Invoke|InvokeAsync"))

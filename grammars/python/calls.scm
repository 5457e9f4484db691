; Calls, and functions passed as values (thread targets, callbacks, views).
; @call.callee is the callee expression; @call.ref a reference to a function.

(call function: [(identifier) (attribute)] @call.callee)

(call
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_k
      value: [(identifier) (attribute)] @call.ref))
  (#any-of? @_k "target" "func" "view_func" "callback" "handler" "fn" "job"))

(call
  function: (attribute attribute: (identifier) @_m)
  arguments: (argument_list . [(identifier) (attribute)] @call.ref)
  (#any-of? @_m "add_task" "add_job" "submit" "create_task" "start_background_task" "apply_async" "delay" "call_later" "call_soon" "Timer" "to_thread"))

; loop.run_in_executor(executor, fn, *args): the function is the second argument.
(call
  function: (attribute attribute: (identifier) @_m)
  arguments: (argument_list . (_) . [(identifier) (attribute)] @call.ref)
  (#eq? @_m "run_in_executor"))

(decorator [(identifier) (attribute)] @call.callee)
(decorator (call function: [(identifier) (attribute)] @call.callee))

; FastAPI dependencies run on every request of the route that declares them.
(call
  function: (identifier) @_d
  arguments: (argument_list . [(identifier) (attribute)] @call.ref)
  (#any-of? @_d "Depends" "Security"))

; Go calls (`h.svc.Find(id)`, `render(w)`, `go worker()`), and functions
; passed as values (handlers `h.List`, `show`, goroutine and callback
; targets). A conversion `http.HandlerFunc(f)` is written as a call too: f
; is passed. A function stored in a struct literal (`cli.Command{Action:
; serve}`) is passed to what receives the value, and a function returned as a
; value (`return ctrl.handleAttachments`, a handler factory's result) to what
; the caller does with it.

(call_expression
  function: [(identifier) (selector_expression)] @call.callee)
(call_expression
  arguments: (argument_list [(identifier) (selector_expression)] @call.ref))
(keyed_element
  value: (literal_element [(identifier) (selector_expression)] @call.ref))
(return_statement
  (expression_list [(identifier) (selector_expression)] @call.ref))

; A method called on what a call with arguments returns
; (`http.NewHttpServer(logger).Setup(cfg, deps)`, or the same package's
; `NewServer(db).Setup()`), read `http.NewHttpServer.Setup`: the method of the
; type the called function declares it returns (`@def.returns`). Calls without
; arguments in the chain read through (`name_rewrites` in language.toml).
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: [(identifier) (selector_expression)] @call.object
      arguments: (argument_list (_)))
    field: (field_identifier) @call.callee))

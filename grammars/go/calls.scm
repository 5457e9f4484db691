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

; Kotlin calls: `orders.find(id)` (receiver and name), `find(id)`,
; `OrderService()` (a constructor call is written as a call), `x?.y()`,
; and function references passed as values (`this::handle`, `stats::daily`).

(call_expression
  (navigation_expression
    [(identifier) (navigation_expression) (this_expression) (super_expression)] @call.object
    (identifier) @call.callee .))
(call_expression . (identifier) @call.callee)
(navigation_expression
  [(identifier) (this_expression)] @call.object
  "::"
  (identifier) @call.ref)
(callable_reference (identifier) @call.ref)

; Calls, `new` expressions, and functions passed as values (callbacks,
; route handlers, timer and event callbacks).

(call_expression function: [(identifier) (member_expression)] @call.callee)
(new_expression constructor: [(identifier) (member_expression)] @call.callee)
(call_expression arguments: (arguments [(identifier) (member_expression)] @call.ref))

; Values stored in object literals (`multer({ storage })`, `{ handler: h }`).
(object (shorthand_property_identifier) @call.ref)
(object (pair value: [(identifier) (member_expression)] @call.ref))

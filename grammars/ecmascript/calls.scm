; Calls, `new` expressions, and functions passed as values (callbacks,
; route handlers, timer and event callbacks).

(call_expression function: [(identifier) (member_expression)] @call.callee)
(new_expression constructor: [(identifier) (member_expression)] @call.callee)
; A method called on the object just built: `new Metrics(m).update(b)` calls `Metrics.update`.
(call_expression
  function: (member_expression
    object: (new_expression constructor: [(identifier) (member_expression)] @call.object)
    property: (property_identifier) @call.callee))
(call_expression arguments: (arguments [(identifier) (member_expression)] @call.ref))

; Values stored in object literals (`multer({ storage })`, `{ handler: h }`).
(object (shorthand_property_identifier) @call.ref)
(object (pair value: [(identifier) (member_expression)] @call.ref))
; Spread into an object literal (`const routes = { ...userRoutes, ...messageRoutes }` of
; `import * as userRoutes`): the object holds every function of the module spread.
(object (spread_element (identifier) @call.ref))

; Routes, routers and mounts of JavaScript only (TypeScript has its own
; parameter lists); the shared ones are in grammars/ecmascript/routes.scm.

; `[…].forEach((name) => …)`, `[[path, h], …].forEach(([path, h]) => …)`,
; `Object.entries({…}).forEach(([path, h]) => …)`: a loop over a literal
; list or map, for the routes declared inside.
(call_expression
  function: (member_expression object: [(array) (identifier)] @loop.values property: (property_identifier) @_f)
  arguments: (arguments
    . [(arrow_function parameters: (formal_parameters . [(identifier) @loop.name (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)]))
       (function_expression parameters: (formal_parameters . [(identifier) @loop.name (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)]))])
  (#eq? @_f "forEach")) @loop
(call_expression
  function: (member_expression
    object: (call_expression
      function: (member_expression object: (identifier) @_o property: (property_identifier) @_e)
      arguments: (arguments . [(object) (identifier)] @loop.values .))
    property: (property_identifier) @_f)
  arguments: (arguments . (arrow_function parameters: (formal_parameters . (array_pattern . (identifier) @loop.name . (identifier) @loop.name .))))
  (#eq? @_o "Object")
  (#eq? @_e "entries")
  (#eq? @_f "forEach")) @loop

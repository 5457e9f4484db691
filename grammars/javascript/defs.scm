; JavaScript-only definitions: parameters sit directly in the parameter
; list (TypeScript wraps them in required_parameter).
(formal_parameters (identifier) @local.name)
(formal_parameters (assignment_pattern left: (identifier) @local.name))
; Static class fields (`static list = {};`), whatever their value: state
; the class keeps for the whole process (the `field_static` rule condition).
(field_definition
  "static"
  property: (property_identifier) @field.name
  (#set! field.static))

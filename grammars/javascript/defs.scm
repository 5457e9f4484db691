; JavaScript-only definitions: parameters sit directly in the parameter
; list (TypeScript wraps them in required_parameter).
(formal_parameters (identifier) @local.name)
(formal_parameters (assignment_pattern left: (identifier) @local.name))

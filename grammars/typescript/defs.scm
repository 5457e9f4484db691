; TypeScript parameters (wrapped in required/optional_parameter), and class
; members with their types, for calls through injected services:
; `constructor(private readonly users: UsersService)` then `this.users.find()`.

(required_parameter pattern: (identifier) @local.name)
(optional_parameter pattern: (identifier) @local.name)

(required_parameter
  (accessibility_modifier)
  pattern: (identifier) @field.name
  type: (type_annotation [(type_identifier) (generic_type name: (type_identifier))] @field.type))
(required_parameter
  "readonly"
  pattern: (identifier) @field.name
  type: (type_annotation [(type_identifier) (generic_type name: (type_identifier))] @field.type))
(public_field_definition
  name: (property_identifier) @field.name
  type: (type_annotation (type_identifier) @field.type))
(public_field_definition
  name: (property_identifier) @field.name
  value: (new_expression constructor: (identifier) @field.type))
; Static class fields (`static list: Record<string, X> = {};`).
(public_field_definition
  "static"
  name: (property_identifier) @field.name
  (#set! field.static))

; Definitions shared by JavaScript and TypeScript: functions, methods,
; classes, arrow functions, module-level variables. Captures as in
; grammars/python/defs.scm.

(function_declaration name: (identifier) @def.name) @def.function
(generator_function_declaration name: (identifier) @def.name) @def.function
(function_expression name: (identifier) @def.name) @def.function
(method_definition name: [(property_identifier) (private_property_identifier)] @def.name) @def.function

(class_declaration
  name: (_) @def.name
  (class_heritage (_) @def.base)?) @def.class

; Functions named by what they are assigned to.
(variable_declarator
  name: (identifier) @def.name
  value: [(arrow_function) (function_expression)] @def.function)
(assignment_expression
  left: (member_expression property: (property_identifier) @def.name)
  right: [(arrow_function) (function_expression)] @def.function)
(pair
  key: (property_identifier) @def.name
  value: [(arrow_function) (function_expression)] @def.function)

; Members of an object literal (`return { upload(file) {…}, move: async () => … }`):
; inside a function (a factory) they are called through the object it returns.
(object (method_definition name: (property_identifier) @def.name) @def.function (#set! def.member))
(object
  (pair
    key: (property_identifier) @def.name
    value: [(arrow_function) (function_expression)] @def.function)
  (#set! def.member))

; Anonymous functions (inline handlers, callbacks).
(arrow_function) @def.function
(function_expression) @def.function

; Module-level variables; `let`/`var` and containers are mutable.
(program
  (lexical_declaration (variable_declarator name: (identifier) @def.name)) @def.variable)
(program
  (export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @def.name)) @def.variable))
(program
  (variable_declaration (variable_declarator name: (identifier) @def.name)) @def.variable
  (#set! mutable))
(program
  (lexical_declaration "let" (variable_declarator name: (identifier) @def.name)) @def.variable
  (#set! mutable))
(program
  (export_statement declaration: (lexical_declaration "let" (variable_declarator name: (identifier) @def.name)) @def.variable)
  (#set! mutable))
(program
  (lexical_declaration
    (variable_declarator name: (identifier) @def.name value: [(array) (object)])) @def.variable
  (#set! mutable))
(program
  (export_statement declaration: (lexical_declaration
    (variable_declarator name: (identifier) @def.name value: [(array) (object)])) @def.variable)
  (#set! mutable))
(program
  (lexical_declaration
    (variable_declarator
      name: (identifier) @def.name
      value: (new_expression constructor: (identifier) @_c))) @def.variable
  (#any-of? @_c "Map" "Set" "WeakMap" "Array" "Object")
  (#set! mutable))
(program
  (export_statement declaration: (lexical_declaration
    (variable_declarator
      name: (identifier) @def.name
      value: (new_expression constructor: (identifier) @_c))) @def.variable)
  (#any-of? @_c "Map" "Set" "WeakMap" "Array" "Object")
  (#set! mutable))

; The constructor or factory a module-level variable is built with.
(program
  (lexical_declaration
    (variable_declarator
      name: (identifier) @def.name
      value: [(new_expression constructor: (_) @def.init) (call_expression function: (_) @def.init)])) @def.variable)
(program
  (export_statement declaration: (lexical_declaration
    (variable_declarator
      name: (identifier) @def.name
      value: [(new_expression constructor: (_) @def.init) (call_expression function: (_) @def.init)])) @def.variable))

; String constants, to resolve prefixes written as names.
(program
  (lexical_declaration
    (variable_declarator name: (identifier) @def.name value: (string) @def.literal)) @def.variable)
(program
  (export_statement declaration: (lexical_declaration
    (variable_declarator name: (identifier) @def.name value: (string) @def.literal)) @def.variable))
; Settings with a default the deployment may override: the default is the
; value (`process.env.BASE || '/api'`, `env('GLOBAL_PREFIX', 'api')`,
; `config.get('prefix', '/api')`).
(program
  (_ (variable_declarator
    name: (identifier) @def.name
    value: (binary_expression
      left: (member_expression
        object: (member_expression object: (identifier) @_p property: (property_identifier) @_e)
        property: (property_identifier) @def.env)
      right: (string) @def.literal))) @def.variable
  (#eq? @_p "process") (#eq? @_e "env"))
; Read from the environment with no default (`const BASE = process.env.BASE`):
; unknown until the deployment sets it, or `--define BASE=/v1`.
(program
  (_ (variable_declarator
    name: (identifier) @def.name
    value: (member_expression
      object: (member_expression object: (identifier) @_p property: (property_identifier) @_e)
      property: (property_identifier) @def.env))) @def.variable
  (#eq? @_p "process") (#eq? @_e "env"))
(program
  (_ (variable_declarator
    name: (identifier) @def.name
    value: (call_expression
      function: [(identifier) (member_expression)] @_f
      arguments: (arguments . (string) @_k . (string) @def.literal .)))) @def.variable
  (#match? @_f "^(env|getEnv|getenv|.*\\.get)$"))

; Settings declared with their defaults in an object (nconf's
; `nconf.defaults({ admin: { path: '/adm' } })`, convict's schema
; `convict({ prefix: { default: '/api', env: 'API_PREFIX' } })`): one setting per
; key path, read by `config.get('prefix')` or `nconf.get('admin:path')`.
(call_expression
  function: [(identifier) (member_expression)] @_f
  arguments: (arguments . (object) @def.settings)
  (#match? @_f "^(convict|.*[.]defaults)$"))

; Names bound inside a function (parameters, local declarations): they
; shadow module-level names of the same spelling.
(rest_pattern (identifier) @local.name)
(arrow_function parameter: (identifier) @local.name)
(shorthand_property_identifier_pattern) @local.name
(pair_pattern value: (identifier) @local.name)
(array_pattern (identifier) @local.name)
(variable_declarator name: (identifier) @local.name)
(catch_clause parameter: (identifier) @local.name)

; Fields assigned a new instance in a class: `this.repo = new Repo()`.
(assignment_expression
  left: (member_expression object: (this) property: (property_identifier) @field.name)
  right: (new_expression constructor: (identifier) @field.type))

; `async` functions carry the annotation `async`: a call left un-awaited keeps
; running after its caller returns (`background-work/js-floating-promise`). One
; whose body awaits nothing and returns no call's result (`async function
; deleteFile(p) { fs.unlink(p, done) }`) has settled its promise when it returns:
; nothing of it is left running.
(function_declaration "async" @def.annotation name: (identifier) @def.target
  body: (_) @_body (#match? @_body "\\bawait\\b|\\breturn\\s+[^;\\n]*\\("))
(variable_declarator
  name: (identifier) @def.target
  value: [(arrow_function "async" @def.annotation body: (_) @_body)
          (function_expression "async" @def.annotation body: (_) @_body)]
  (#match? @_body "^[^{]|\\bawait\\b|\\breturn\\s+[^;\\n]*\\("))
(method_definition "async" @def.annotation name: (property_identifier) @def.target
  body: (_) @_body (#match? @_body "\\bawait\\b|\\breturn\\s+[^;\\n]*\\("))
(assignment_expression
  left: (member_expression property: (property_identifier) @def.target)
  right: [(arrow_function "async" @def.annotation body: (_) @_body)
          (function_expression "async" @def.annotation body: (_) @_body)]
  (#match? @_body "^[^{]|\\bawait\\b|\\breturn\\s+[^;\\n]*\\("))

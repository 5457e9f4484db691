; C# definitions: classes, records, structs and interfaces (with their base
; types), methods, constructors, local functions, lambdas, anonymous methods
; and properties with code; string constants; fields and properties with
; their declared types; names bound inside functions. Captures as in
; grammars/python/defs.scm. An interface's methods and `abstract` methods
; are `declared_only`: a call runs an implementation.

(class_declaration
  name: (identifier) @def.name
  (base_list [(identifier) (qualified_name) (generic_name . (identifier))
              (primary_constructor_base_type type: (_))]* @def.base)?) @def.class
(record_declaration
  name: (identifier) @def.name
  (base_list [(identifier) (qualified_name) (generic_name . (identifier))
              (primary_constructor_base_type type: (_))]* @def.base)?) @def.class
(struct_declaration
  name: (identifier) @def.name
  (base_list [(identifier) (qualified_name) (generic_name . (identifier))]* @def.base)?) @def.class
(interface_declaration
  name: (identifier) @def.name
  (base_list [(identifier) (qualified_name) (generic_name . (identifier))]* @def.base)?) @def.class

; An abstract class is no implementation of its interfaces itself.
(class_declaration
  (modifier) @_abstract
  name: (identifier) @def.name
  (#eq? @_abstract "abstract")
  (#set! declared_only)) @def.class

(method_declaration name: (identifier) @def.name) @def.function
(interface_declaration
  body: (declaration_list
    (method_declaration name: (identifier) @def.name !body) @def.function)
  (#set! declared_only))
(method_declaration
  (modifier) @_abstract
  name: (identifier) @def.name
  !body
  (#eq? @_abstract "abstract")
  (#set! declared_only)) @def.function

(constructor_declaration name: (identifier) @def.name) @def.function
(local_function_statement name: (identifier) @def.name) @def.function
(operator_declaration) @def.function
(destructor_declaration) @def.function

; Properties whose getter or setter runs code: `public int Total => _total;`.
(property_declaration name: (identifier) @def.name value: (arrow_expression_clause)) @def.function
(property_declaration
  name: (identifier) @def.name
  accessors: (accessor_list (accessor_declaration body: (_)))) @def.function

; Functions written inline: `x => x.Id`, `async (ShopDbContext db) => …`, `delegate { … }`.
(lambda_expression) @def.function
(anonymous_method_expression) @def.function

; String constants (`const string Prefix = "api/v1";`), to resolve route
; prefixes written as names.
(field_declaration
  (variable_declaration
    (variable_declarator name: (identifier) @def.name (string_literal) @def.literal))) @def.variable
(field_declaration
  (variable_declaration
    (variable_declarator name: (identifier) @def.name (verbatim_string_literal) @def.literal))) @def.variable

; Fields and properties with their declared type, for calls through
; injected services: `private readonly IOrderStore _orders;` then
; `_orders.FindAsync(id)`. A primary constructor's parameters are fields
; of the class: `class OrdersController(IOrderStore orders)`.
(field_declaration
  (variable_declaration
    type: [(identifier) (qualified_name) (generic_name) (nullable_type) (predefined_type) (array_type)] @field.type
    (variable_declarator name: (identifier) @field.name)))
(field_declaration
  (modifier) @_static
  (variable_declaration
    type: [(identifier) (qualified_name) (generic_name) (nullable_type) (predefined_type) (array_type)] @field.type
    (variable_declarator name: (identifier) @field.name))
  (#any-of? @_static "static" "const")
  (#set! field.static))
(property_declaration
  type: [(identifier) (qualified_name) (generic_name) (nullable_type) (predefined_type) (array_type)] @field.type
  name: (identifier) @field.name)
(property_declaration
  (modifier) @_static
  type: [(identifier) (qualified_name) (generic_name) (nullable_type) (predefined_type) (array_type)] @field.type
  name: (identifier) @field.name
  (#any-of? @_static "static" "const")
  (#set! field.static))
(class_declaration
  (parameter_list
    (parameter
      type: [(identifier) (qualified_name) (generic_name) (nullable_type)] @field.type
      name: (identifier) @field.name)))
(record_declaration
  (parameter_list
    (parameter
      type: [(identifier) (qualified_name) (generic_name) (nullable_type)] @field.type
      name: (identifier) @field.name)))
; A field without a declared interface type assigned a new instance:
; `_client = new ErpClient(...)`.
(expression_statement
  (assignment_expression
    left: (identifier) @field.name
    right: (object_creation_expression type: [(identifier) (qualified_name)] @field.type)))

; Names bound inside a function (parameters, locals, pattern and loop
; variables): they shadow types and members of the same spelling.
(parameter name: (identifier) @local.name)
(implicit_parameter) @local.name
(variable_declarator name: (identifier) @local.name)
(declaration_expression name: (identifier) @local.name)
(declaration_pattern name: (identifier) @local.name)
(foreach_statement left: (identifier) @local.name)
(catch_declaration name: (identifier) @local.name)

; Classes the app registers as singletons: one instance serves every
; request (`AddSingleton<T>()`, `AddSingleton<IService, T>()`), tagged for
; the rules about their fields (`class_tag = "singleton"`).
(invocation_expression
  function: (member_access_expression
    name: (generic_name
      (identifier) @_add
      (type_argument_list (_) @tag.class .)))
  (#eq? @_add "AddSingleton")
  (#set! tag "singleton"))

; Classes the app registers as an interface's implementation
; (`AddScoped<IService, CachedService>()`): of several classes implementing
; the interface, calls through it resolve to this one.
(invocation_expression
  function: (member_access_expression
    name: (generic_name
      (identifier) @_add
      (type_argument_list (_) . (_) @tag.class .)))
  (#match? @_add "^Add(Scoped|Transient|Singleton)$")
  (#set! tag "registered"))

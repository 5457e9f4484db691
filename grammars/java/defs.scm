; Java definitions: types (with the types they extend and implement),
; methods, constructors and lambdas; fields with their declared type
; (injected services resolve through it); class-level variables that hold
; state shared by every request (static, or in a singleton bean); locals.

(class_declaration name: (identifier) @def.name) @def.class
(class_declaration
  name: (identifier) @def.name
  superclass: (superclass (_) @def.base)) @def.class
(class_declaration
  name: (identifier) @def.name
  interfaces: (super_interfaces (type_list (_) @def.base))) @def.class
(interface_declaration name: (identifier) @def.name) @def.class
(interface_declaration
  name: (identifier) @def.name
  (extends_interfaces (type_list (_) @def.base))) @def.class
(enum_declaration name: (identifier) @def.name) @def.class
(record_declaration name: (identifier) @def.name) @def.class

(method_declaration name: (identifier) @def.name) @def.function
; An interface's or abstract method: a call runs an implementation.
((method_declaration name: (identifier) @def.name !body) @def.function
  (#set! declared_only))
(constructor_declaration name: (identifier) @def.name) @def.function
(compact_constructor_declaration name: (identifier) @def.name) @def.function
(lambda_expression) @def.function

; Fields with their declared type.
(field_declaration
  type: (_) @field.type
  declarator: (variable_declarator name: (identifier) @field.name))

; String constants: route paths and prefixes written through them.
(field_declaration
  declarator: (variable_declarator
    name: (identifier) @def.name
    value: (string_literal) @def.literal)) @def.variable
; `API + "/products"`: folded when every piece is a constant of the file.
(field_declaration
  declarator: (variable_declarator
    name: (identifier) @def.name
    value: (binary_expression) @def.concat)) @def.variable

; Static fields that are not final: reassignable by any request.
((field_declaration
   (modifiers) @_mods
   declarator: (variable_declarator name: (identifier) @def.name)) @def.variable
  (#match? @_mods "(^|\\s)static(\\s|$)")
  (#not-match? @_mods "(^|\\s)final(\\s|$)")
  (#set! mutable))
; Static fields holding a mutable container or counter.
((field_declaration
   (modifiers) @_mods
   declarator: (variable_declarator
     name: (identifier) @def.name
     value: (object_creation_expression type: (_) @def.init))) @def.variable
  (#match? @_mods "(^|\\s)static(\\s|$)")
  (#match? @def.init "^(java\\.util\\.)?(concurrent\\.)?(Concurrent|Linked|Tree|Hash|Identity|Weak|CopyOnWrite|Atomic|ArrayList|ArrayDeque|PriorityQueue|Vector|Stack|EnumMap|BitSet|StringBuilder|StringBuffer)")
  (#set! mutable))
; Static fields filled by a collection factory (`Maps.newHashMap()`,
; `ConcurrentHashMap.newKeySet()`, `Collections.synchronizedMap(…)`).
((field_declaration
   (modifiers) @_mods
   declarator: (variable_declarator
     name: (identifier) @def.name
     value: (method_invocation object: (identifier) @_f name: (identifier) @def.init))) @def.variable
  (#match? @_mods "(^|\\s)static(\\s|$)")
  (#any-of? @_f "Maps" "Lists" "Sets" "Queues" "ConcurrentHashMap" "Collections")
  (#match? @def.init "^(new|synchronized)")
  (#set! mutable))
; Fields of singleton beans (one instance serves every request): a mutable
; container, or a field that is not final.
((class_declaration
   (modifiers [(marker_annotation name: (identifier) @_bean) (annotation name: (identifier) @_bean)])
   body: (class_body
     (field_declaration
       declarator: (variable_declarator
         name: (identifier) @def.name
         value: (object_creation_expression type: (_) @def.init))) @def.variable))
  (#any-of? @_bean "Service" "Component" "RestController" "Controller" "Repository" "Singleton" "ApplicationScoped")
  (#match? @def.init "^(java\\.util\\.)?(concurrent\\.)?(Concurrent|Linked|Tree|Hash|Identity|Weak|CopyOnWrite|Atomic|ArrayList|ArrayDeque|PriorityQueue|Vector|Stack|EnumMap|BitSet)")
  (#set! mutable))
((class_declaration
   (modifiers [(marker_annotation name: (identifier) @_bean) (annotation name: (identifier) @_bean)])
   body: (class_body
     (field_declaration
       (modifiers) @_mods
       type: [(integral_type) (floating_point_type) (boolean_type)]
       declarator: (variable_declarator name: (identifier) @def.name)) @def.variable))
  (#any-of? @_bean "Service" "Component" "RestController" "Controller" "Repository" "Singleton" "ApplicationScoped")
  (#not-match? @_mods "(^|\\s)(final|static)(\\s|$)")
  (#set! mutable))

; Names bound inside methods: they shadow fields and types.
(formal_parameter name: (identifier) @local.name)
(spread_parameter (variable_declarator name: (identifier) @local.name))
(local_variable_declaration declarator: (variable_declarator name: (identifier) @local.name))
(lambda_expression parameters: (identifier) @local.name)
(inferred_parameters (identifier) @local.name)
(catch_formal_parameter name: (identifier) @local.name)
(enhanced_for_statement name: (identifier) @local.name)
(resource name: (identifier) @local.name)
; Parameters and locals whose declared type is a class: `UserHandler users`
; (`users::get` handles a route as `UserHandler.get`).
(formal_parameter
  type: [(type_identifier) (scoped_type_identifier)] @local.type
  name: (identifier) @local.name)
(local_variable_declaration
  type: [(type_identifier) (scoped_type_identifier)] @local.type
  declarator: (variable_declarator name: (identifier) @local.name))

; @RequestMapping(method = RequestMethod.PUT) / (method = {GET, POST}).
((method_declaration
   (modifiers
     (annotation
       name: (identifier) @_rm
       arguments: (annotation_argument_list
         (element_value_pair key: (identifier) @_k value: (_) @def.methods))))
   name: (identifier) @def.target)
  (#match? @_rm "RequestMapping$")
  (#eq? @_k "method"))

; Annotations on methods (aspects select handlers by them), and pointcut
; declarations (`@Pointcut("@annotation(me.app.Log)") void logPointcut()`).
(method_declaration
  (modifiers [(marker_annotation name: (_) @def.annotation) (annotation name: (_) @def.annotation)])
  name: (identifier) @def.target)
((method_declaration
   (modifiers
     (annotation
       name: (identifier) @_p
       arguments: (annotation_argument_list . (string_literal) @def.pointcut)))
   name: (identifier) @def.target)
  (#eq? @_p "Pointcut"))

; JPA entity listeners (`@EntityListeners({MailListener.class})`): the
; classes whose lifecycle hooks (`lifecycle_hooks` in language.toml) run when
; an instance of the entity is saved, loaded or removed.
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_l
       arguments: (annotation_argument_list
         [(class_literal (_) @def.listener)
          (element_value_array_initializer (class_literal (_) @def.listener))])))
   name: (identifier) @def.target)
  (#eq? @_l "EntityListeners"))

; Classes named as a cache (`CacheManager`, `UserCache`): their mutable
; fields are a process-local cache, for the in-memory-cache rules
; (`class_tag = "cache"`), not global state.
((class_declaration name: (identifier) @tag.class)
  (#match? @tag.class "Cache(Manager|Service|Store)?$")
  (#set! tag "cache"))

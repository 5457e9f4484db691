; Kotlin definitions: classes, interfaces and objects (with the types they
; extend and implement), functions (top-level, members, extensions) and
; lambdas; properties and constructor parameters with their declared type
; (injected services resolve through it); state shared by every request
; (top-level and object properties, fields of singleton beans); locals.
; A companion object is no definition of its own: its members are the
; class's (`OrderController.STATUS`).

(class_declaration name: (identifier) @def.name) @def.class
(class_declaration
  name: (identifier) @def.name
  (delegation_specifiers
    (delegation_specifier
      [(user_type . (identifier) @def.base)
       (constructor_invocation (user_type . (identifier) @def.base))]))) @def.class
(object_declaration name: (identifier) @def.name) @def.class
(object_declaration
  name: (identifier) @def.name
  (delegation_specifiers
    (delegation_specifier
      [(user_type . (identifier) @def.base)
       (constructor_invocation (user_type . (identifier) @def.base))]))) @def.class

(function_declaration name: (identifier) @def.name) @def.function
; An interface's or abstract function: a call runs an implementation.
((class_declaration
   "interface"
   (class_body (function_declaration name: (identifier) @def.name) @def.function))
  (#set! declared_only))
((function_declaration
   (modifiers (inheritance_modifier) @_abstract)
   name: (identifier) @def.name) @def.function
  (#eq? @_abstract "abstract")
  (#set! declared_only))
(lambda_literal) @def.function
(anonymous_function) @def.function

; Properties and constructor parameters with their declared type.
(class_parameter (identifier) @field.name (user_type) @field.type)
(class_body
  (property_declaration
    (variable_declaration (identifier) @field.name (user_type) @field.type)))

; String constants: route paths and prefixes written through them.
(source_file
  (property_declaration
    (variable_declaration (identifier) @def.name)
    (string_literal) @def.literal) @def.variable
  (#not-match? @def.literal "\\$"))
(class_body
  (property_declaration
    (variable_declaration (identifier) @def.name)
    (string_literal) @def.literal) @def.variable
  (#not-match? @def.literal "\\$"))
; `"$API/products"`, `API + "/products"`: folded when every piece is a constant.
(source_file
  (property_declaration
    (variable_declaration (identifier) @def.name)
    [(binary_expression) (string_literal)] @def.concat) @def.variable
  (#match? @def.concat "(\\$|\\+)"))
(class_body
  (property_declaration
    (variable_declaration (identifier) @def.name)
    [(binary_expression) (string_literal)] @def.concat) @def.variable
  (#match? @def.concat "(\\$|\\+)"))

; Top-level, `object` and companion-object properties are one per process:
; a `var`, or a `val` holding a mutable container or counter.
((source_file (property_declaration "var" (variable_declaration (identifier) @def.name)) @def.variable)
  (#set! mutable))
((object_declaration
   (class_body (property_declaration "var" (variable_declaration (identifier) @def.name)) @def.variable))
  (#set! mutable))
((companion_object
   (class_body (property_declaration "var" (variable_declaration (identifier) @def.name)) @def.variable))
  (#set! mutable))
((source_file
   (property_declaration
     (variable_declaration (identifier) @def.name)
     (call_expression . (_) @def.init)) @def.variable)
  (#match? @def.init "^(java\\.util\\.)?(concurrent\\.)?(mutable(Map|List|Set)Of|(hash|linkedMap|sortedMap|linkedSet|sortedSet|arrayList)Of|Concurrent|Linked|Tree|Hash|Identity|Weak|CopyOnWrite|Atomic|ArrayList|ArrayDeque|PriorityQueue|Vector|Stack|EnumMap|BitSet|StringBuilder|StringBuffer)")
  (#set! mutable))
((object_declaration
   (class_body
     (property_declaration
       (variable_declaration (identifier) @def.name)
       (call_expression . (_) @def.init)) @def.variable))
  (#match? @def.init "^(java\\.util\\.)?(concurrent\\.)?(mutable(Map|List|Set)Of|(hash|linkedMap|sortedMap|linkedSet|sortedSet|arrayList)Of|Concurrent|Linked|Tree|Hash|Identity|Weak|CopyOnWrite|Atomic|ArrayList|ArrayDeque|PriorityQueue|Vector|Stack|EnumMap|BitSet|StringBuilder|StringBuffer)")
  (#set! mutable))
((companion_object
   (class_body
     (property_declaration
       (variable_declaration (identifier) @def.name)
       (call_expression . (_) @def.init)) @def.variable))
  (#match? @def.init "^(java\\.util\\.)?(concurrent\\.)?(mutable(Map|List|Set)Of|(hash|linkedMap|sortedMap|linkedSet|sortedSet|arrayList)Of|Concurrent|Linked|Tree|Hash|Identity|Weak|CopyOnWrite|Atomic|ArrayList|ArrayDeque|PriorityQueue|Vector|Stack|EnumMap|BitSet|StringBuilder|StringBuffer)")
  (#set! mutable))
; Properties of singleton beans (one instance serves every request): a
; mutable container, or a `var` (injected ones too: `@Value var ttl` that a
; request then sets is shared by every request the instance serves; one that
; only the framework sets is never written by code, so never a finding).
((class_declaration
   (modifiers (annotation (user_type (identifier) @_bean)))
   (class_body
     (property_declaration
       (variable_declaration (identifier) @def.name)
       (call_expression . (_) @def.init)) @def.variable))
  (#any-of? @_bean "Service" "Component" "RestController" "Controller" "Repository" "Singleton" "ApplicationScoped")
  (#match? @def.init "^(java\\.util\\.)?(concurrent\\.)?(mutable(Map|List|Set)Of|(hash|linkedMap|sortedMap|linkedSet|sortedSet|arrayList)Of|Concurrent|Linked|Tree|Hash|Identity|Weak|CopyOnWrite|Atomic|ArrayList|ArrayDeque|PriorityQueue|Vector|Stack|EnumMap|BitSet)")
  (#set! mutable))
((class_declaration
   (modifiers (annotation (user_type (identifier) @_bean)))
   (class_body
     (property_declaration
       "var"
       (variable_declaration (identifier) @def.name)) @def.variable))
  (#any-of? @_bean "Service" "Component" "RestController" "Controller" "Repository" "Singleton" "ApplicationScoped")
  (#set! mutable))

; Names bound inside functions: they shadow properties and types.
(parameter (identifier) @local.name)
(block (property_declaration (variable_declaration (identifier) @local.name)))
(lambda_literal (property_declaration (variable_declaration (identifier) @local.name)))
(lambda_parameters (variable_declaration (identifier) @local.name))
(for_statement (variable_declaration (identifier) @local.name))
(catch_block (identifier) @local.name)

; @RequestMapping(method = [RequestMethod.PUT]) / (method = arrayOf(GET, POST)).
((function_declaration
   (modifiers
     (annotation
       (constructor_invocation
         (user_type (identifier) @_rm)
         (value_arguments (value_argument . (identifier) @_k . (_) @def.methods)))))
   name: (identifier) @def.target)
  (#match? @_rm "RequestMapping$")
  (#eq? @_k "method"))

; Annotations on functions (aspects select handlers by them).
(function_declaration
  (modifiers
    (annotation [(user_type (identifier) @def.annotation) (constructor_invocation (user_type (identifier) @def.annotation))]))
  name: (identifier) @def.target)

; JPA entity listeners (`@EntityListeners(MailListener::class)`): the
; classes whose lifecycle hooks (`lifecycle_hooks` in language.toml) run when
; an instance of the entity is saved, loaded or removed.
((class_declaration
   (modifiers
     (annotation
       (constructor_invocation
         (user_type (identifier) @_l)
         (value_arguments
           (value_argument (navigation_expression . (_) @def.listener (identifier) @_class .))))))
   name: (identifier) @def.target)
  (#eq? @_l "EntityListeners")
  (#eq? @_class "class"))

; Classes named as a cache (`CacheManager`, `PriceCache`): their mutable
; properties are a process-local cache, for the in-memory-cache rules
; (`class_tag = "cache"`), not global state.
((class_declaration name: (identifier) @tag.class)
  (#match? @tag.class "Cache(Manager|Service|Store)?$")
  (#set! tag "cache"))
((object_declaration name: (identifier) @tag.class)
  (#match? @tag.class "Cache(Manager|Service|Store)?$")
  (#set! tag "cache"))

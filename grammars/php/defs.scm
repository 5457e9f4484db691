; PHP definitions: classes, interfaces, traits and enums (with their bases:
; the parent class, interfaces, and the traits a class uses, whose methods
; are the class's), methods, functions, closures and arrow functions; string
; constants; typed properties and promoted constructor parameters; names
; bound inside functions. Captures as in grammars/python/defs.scm.
; Interface methods and `abstract` methods are `declared_only`.

(class_declaration
  name: (name) @def.name
  (base_clause [(name) (qualified_name)] @def.base)?
  (class_interface_clause [(name) (qualified_name)]* @def.base)?) @def.class
(class_declaration
  name: (name) @def.name
  body: (declaration_list (use_declaration [(name) (qualified_name)] @def.base))) @def.class
(class_declaration
  (abstract_modifier)
  name: (name) @def.name
  (#set! declared_only)) @def.class
; A Laravel facade (`class IconStore extends Facade`) whose
; `getFacadeAccessor()` returns `IconStoreService::class`: its static calls
; (`IconStore::store(...)`) run the service's methods, so the service is
; its base. (An accessor returning a container key string is not followed.)
(class_declaration
  name: (name) @def.name
  (base_clause [(name) (qualified_name)] @_facade)
  body: (declaration_list
    (method_declaration
      name: (name) @_accessor
      body: (compound_statement
        (return_statement
          (class_constant_access_expression
            . [(name) (qualified_name)] @def.base
            . (name) @_class)))))
  (#match? @_facade "(^|\\\\)Facade$")
  (#eq? @_accessor "getFacadeAccessor")
  (#eq? @_class "class")) @def.class
(interface_declaration name: (name) @def.name) @def.class
(trait_declaration name: (name) @def.name) @def.class
(trait_declaration
  name: (name) @def.name
  body: (declaration_list (use_declaration [(name) (qualified_name)] @def.base))) @def.class
(enum_declaration name: (name) @def.name) @def.class

(method_declaration name: (name) @def.name) @def.function
; The class a method declares it returns (`public static function make(): TranscodingStrategy`,
; `?Song`): a call on its result is a call of that class's method.
(method_declaration
  name: (name) @def.name
  return_type: [(named_type [(name) (qualified_name)] @def.returns)
                (optional_type (named_type [(name) (qualified_name)] @def.returns))]) @def.function
(interface_declaration
  body: (declaration_list
    (method_declaration name: (name) @def.name) @def.function)
  (#set! declared_only))
(method_declaration
  (abstract_modifier)
  name: (name) @def.name
  (#set! declared_only)) @def.function
(function_definition name: (name) @def.name) @def.function
(anonymous_function) @def.function
(arrow_function) @def.function
; A factory stored under a key of a container (Pimple, Slim 3:
; `$container['history'] = function (Container $c) {…}`), named for its key:
; the container runs it when the key is first read (`$container->history`,
; `$this->container->history->add()`), not where it is stored.
(assignment_expression
  left: (subscript_expression (_) (string (string_content) @def.name))
  right: [(anonymous_function) (arrow_function)] @def.function
  (#set! def.slot))

; String constants (`const PREFIX = 'api';`, `define('PREFIX', 'api')`).
(const_declaration
  (const_element (name) @def.name (string) @def.literal)) @def.variable
((function_call_expression
   function: (name) @_define
   arguments: (arguments . (argument (string) @def.name) . (argument (string) @def.literal))) @def.variable
  (#eq? @_define "define"))

; Class properties: `private static $cache = [];` is a class-level
; variable (mutable), `protected $namespace = 'App\Http\Controllers';` too.
(property_declaration
  (property_element name: (variable_name (name) @def.name))
  (#set! mutable)) @def.variable
(property_declaration
  (property_element name: (variable_name (name) @def.name) default_value: (string) @def.literal)) @def.variable

; Typed properties and promoted constructor parameters, for calls through
; injected services: `public function __construct(private OrderService $orders)`
; then `$this->orders->place()`. A nullable type (`?StreamerAdapter $adapter`) is
; the type it names.
(property_declaration
  type: [(optional_type (_) @field.type) (named_type) @field.type (primitive_type) @field.type
        (union_type) @field.type (intersection_type) @field.type (disjunctive_normal_form_type) @field.type]
  (property_element name: (variable_name (name) @field.name)))
(property_declaration
  (static_modifier)
  type: [(optional_type (_) @field.type) (named_type) @field.type (primitive_type) @field.type
        (union_type) @field.type (intersection_type) @field.type (disjunctive_normal_form_type) @field.type]
  (property_element name: (variable_name (name) @field.name))
  (#set! field.static))
(property_promotion_parameter
  type: [(optional_type (_) @field.type) (named_type) @field.type (primitive_type) @field.type
        (union_type) @field.type (intersection_type) @field.type (disjunctive_normal_form_type) @field.type]
  name: (variable_name (name) @field.name))
; `$this->mailer = new Mailer(...)` in a method.
(assignment_expression
  left: (member_access_expression
    object: (variable_name (name) @_this)
    name: (name) @field.name)
  right: (object_creation_expression [(name) (qualified_name)] @field.type)
  (#eq? @_this "this"))

; Flags a class keeps off until one of its methods turns them on: a field
; off by default that only the class can set (`protected $cache = false;`),
; and each write of an instance field (`$this->cache = true`). A hit under
; `if ($this->cache)` counts only where the program calls a method setting
; it (src/extract/flags.rs, src/link/flags.rs).
(property_declaration
  (visibility_modifier) @_visibility
  (property_element
    name: (variable_name (name) @flag.off)
    default_value: [(boolean) (null)] @_off)
  (#any-of? @_visibility "protected" "private")
  (#any-of? @_off "false" "FALSE" "False" "null" "NULL" "Null"))
(assignment_expression
  left: (member_access_expression
    object: (variable_name (name) @_this)
    name: (name) @flag.set)
  (#eq? @_this "this"))

; Names bound inside a function: parameters, assignments, loop variables,
; closure `use` variables, catch variables.
(simple_parameter name: (variable_name (name) @local.name))
(variadic_parameter name: (variable_name (name) @local.name))
(assignment_expression left: (variable_name (name) @local.name))
(foreach_statement (pair (variable_name (name) @local.name)))
(foreach_statement . (_) (variable_name (name) @local.name))
(anonymous_function_use_clause (variable_name (name) @local.name))
(catch_clause name: (variable_name (name) @local.name))
; A local made by `new` has that class's methods (`$c = new HealthController(…);
; $c->processRequest()`): at each call, the class of the last such assignment.
(assignment_expression
  left: (variable_name (name) @local.name)
  right: (object_creation_expression [(name) (qualified_name)] @local.type))
; A local assigned what a call returns (`$page = $this->pages->getCachePage($url)`,
; `$c = Factory::make()`, `$c = make_cache()`): what the called function
; declares it returns (`@def.returns`; none declared, nothing known). Not a call
; on another call's result (the name read would be the inner call's).
((assignment_expression
  left: (variable_name (name) @local.name)
  right: [(member_call_expression) (nullsafe_member_call_expression)
          (scoped_call_expression) (function_call_expression)] @local.type)
  (#not-match? @local.type "\\)\\s*(->|\\?->|::)"))
; Any assignment rebinds the local: a type an earlier assignment gave it no
; longer holds after it (`$c = new A(); $c = $other;`).
(assignment_expression left: (variable_name (name) @local.rebound))
; A typed parameter (Laravel's method injection: `handle(UploadService
; $uploads)`, `__invoke(RadioStreamService $radio)`; `?T` too): calls on it
; are the type's methods.
(simple_parameter
  type: [(named_type [(name) (qualified_name)] @local.type)
         (optional_type (named_type [(name) (qualified_name)] @local.type))]
  name: (variable_name (name) @local.name))
; `global $db;` makes the name the module's.
(global_declaration (variable_name (name) @local.global))

; A file's top-level code (statements beside its declarations) is one
; function, run when the file is served or included (`def.file_code`: a
; `require` of the file calls it); a script that answers a request itself
; (routes.scm) is served by it.
((program (echo_statement)) @def.function
  (#set! def.file_code))
((program (text_interpolation (text) @_t)) @def.function
  (#match? @_t "[^ \t\r\n]")
  (#set! def.file_code))
((program [(expression_statement) (if_statement) (switch_statement) (foreach_statement)
           (for_statement) (while_statement) (do_statement) (try_statement)
           (unset_statement)]) @def.function
  (#set! def.file_code))

; Classes chosen at run time: the concrete a container binding names
; (`$this->app->bind(Contract::class, Concrete::class)`, `singleton`,
; `scoped`) and the class a `match` arm yields in a binding's closure or a
; factory (`'s3' => S3Storage::class`, `default => app(LocalStorage::class)`,
; `new LocalStorage`). A call through their abstract type runs the one the
; configuration's default picks (tag `bound_default`: the binding's own
; concrete, a `default` arm), or else each of them (tag `bound`; see
; src/link/bindings.rs).
((_
   name: (name) @_bind
   arguments: (arguments
     . (argument (class_constant_access_expression))
     . (argument (class_constant_access_expression . (name) @tag.class . (name) @_class))))
  (#any-of? @_bind "bind" "singleton" "scoped" "bindIf" "singletonIf" "scopedIf")
  (#eq? @_class "class")
  (#set! tag "bound_default"))
((match_conditional_expression
   return_expression: (class_constant_access_expression . (name) @tag.class . (name) @_class))
  (#eq? @_class "class")
  (#set! tag "bound"))
((match_default_expression
   return_expression: (class_constant_access_expression . (name) @tag.class . (name) @_class))
  (#eq? @_class "class")
  (#set! tag "bound_default"))
((match_conditional_expression
   return_expression: [(function_call_expression
                         arguments: (arguments . (argument (class_constant_access_expression . (name) @tag.class . (name) @_class)) .))
                       (member_call_expression
                         arguments: (arguments . (argument (class_constant_access_expression . (name) @tag.class . (name) @_class)) .))])
  (#eq? @_class "class")
  (#set! tag "bound"))
((match_default_expression
   return_expression: [(function_call_expression
                         arguments: (arguments . (argument (class_constant_access_expression . (name) @tag.class . (name) @_class)) .))
                       (member_call_expression
                         arguments: (arguments . (argument (class_constant_access_expression . (name) @tag.class . (name) @_class)) .))])
  (#eq? @_class "class")
  (#set! tag "bound_default"))
((match_conditional_expression return_expression: (object_creation_expression (name) @tag.class))
  (#set! tag "bound"))
((match_default_expression return_expression: (object_creation_expression (name) @tag.class))
  (#set! tag "bound_default"))

; Eloquent observers named on the model (`#[ObservedBy(UserObserver::class)]`,
; `#[ObservedBy([A::class, B::class])]`): their event methods
; (`lifecycle_methods` in language.toml) run when the model is saved or deleted.
(class_declaration
  attributes: (attribute_list
    (attribute_group
      (attribute
        (name) @_observed
        parameters: (arguments
          (argument [(class_constant_access_expression . (name) @def.listener . (name) @_class)
                     (array_creation_expression
                       (array_element_initializer
                         (class_constant_access_expression . (name) @def.listener . (name) @_class)))])))))
  name: (name) @def.target
  (#eq? @_observed "ObservedBy")
  (#eq? @_class "class"))

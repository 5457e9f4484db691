; Definitions: functions, methods, classes, lambdas, module-level variables.
; Captures: @def.function / @def.class / @def.variable (the node),
; @def.name, @def.base (class bases); `(#set! mutable)` marks variables whose
; value can be changed in place. @def.methods + @def.target annotate a view
; with the HTTP methods a decorator declares.

(function_definition name: (identifier) @def.name) @def.function

(decorated_definition
  definition: (function_definition name: (identifier) @def.name)) @def.function

(class_definition
  name: (identifier) @def.name
  superclasses: (argument_list [(identifier) (attribute)]* @def.base)?) @def.class

(decorated_definition
  definition: (class_definition name: (identifier) @def.name)) @def.class

(lambda) @def.function

; Module-level variables. Mutable containers first: dict, list, set,
; comprehensions, and calls to container constructors.
(module
  (expression_statement
    (assignment
      left: (identifier) @def.name
      right: [(dictionary) (list) (set) (dictionary_comprehension) (list_comprehension) (set_comprehension)]))
  @def.variable
  (#set! mutable))

(module
  (expression_statement
    (assignment
      left: (identifier) @def.name
      right: (call function: [(identifier) (attribute)] @_ctor)))
  @def.variable
  (#match? @_ctor "^(dict|list|set|bytearray|(collections\\.)?(defaultdict|OrderedDict|Counter|deque)|defaultdict|OrderedDict|Counter|deque)$")
  (#set! mutable))

(module
  (expression_statement
    (assignment left: (identifier) @def.name))
  @def.variable)

; HTTP methods declared on a function view (DRF, Django decorators).
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @_d
      arguments: (argument_list (list) @def.methods)))
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_d "(^|\\.)(api_view|require_http_methods)$"))

; An app's own method decorator whose arguments are all HTTP method names
; (`@cors("GET", "POST")`, `@allow("DELETE")`): the view answers those only.
(decorated_definition
  (decorator
    (call
      arguments: (argument_list . (string)) @def.methods))
  definition: (function_definition name: (identifier) @def.target)
  (#match? @def.methods "^\\((\\s*['\"](GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)['\"]\\s*,)*\\s*['\"](GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)['\"]\\s*,?\\s*\\)$"))

; A class view or viewset limited to some methods (`http_method_names =
; ['get', 'post']`): it answers those only, whatever actions it inherits.
(class_definition
  name: (identifier) @def.target
  body: (block
    (expression_statement
      (assignment left: (identifier) @_n right: [(list) (tuple)] @def.methods)))
  (#eq? @_n "http_method_names"))

; Django's method decorators: @require_GET, @require_POST, @require_safe.
(decorated_definition
  (decorator [(identifier) (attribute)] @_d @def.methods)
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_d "(^|\\.)require_GET$")
  (#set! def.method "GET"))

(decorated_definition
  (decorator [(identifier) (attribute)] @_d @def.methods)
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_d "(^|\\.)require_POST$")
  (#set! def.method "POST"))

(decorated_definition
  (decorator [(identifier) (attribute)] @_d @def.methods)
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_d "(^|\\.)require_safe$")
  (#set! def.method "GET"))

; The constructor a module-level variable is built with (`TTLCache(...)`).
(module
  (expression_statement
    (assignment
      left: (identifier) @def.name
      right: (call function: [(identifier) (attribute)] @def.init)))
  @def.variable)

; String constants (module level and class attributes), to resolve prefixes
; written as names: `include_router(r, prefix=settings.API_V1_STR)`.
(module
  (expression_statement
    (assignment left: (identifier) @def.name right: (string) @def.literal))
  @def.variable)
(class_definition
  body: (block
    (expression_statement
      (assignment left: (identifier) @def.name right: (string) @def.literal))
    @def.variable))

; A constant read from the environment with a default: the default is its
; value, and the report says the variable can override it.
; API_PREFIX = os.getenv("API_PREFIX", "/api"), os.environ.get("X", "/v1")
(module
  (expression_statement
    (assignment
      left: (identifier) @def.name
      right: (call
        function: [(identifier) (attribute)] @_get
        arguments: (argument_list . (string) @def.env . (string) @def.literal))))
  @def.variable
  (#match? @_get "^((os\\.)?getenv|(os\\.)?environ\\.get)$"))
(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @def.name
        right: (call
          function: [(identifier) (attribute)] @_get
          arguments: (argument_list . (string) @def.env . (string) @def.literal))))
    @def.variable)
  (#match? @_get "^((os\\.)?getenv|(os\\.)?environ\\.get)$"))

; Read from the environment with no default: unknown until the deployment
; sets it (or `--define API_PREFIX=/v1`). API_PREFIX = os.environ["API_PREFIX"],
; os.getenv("API_PREFIX"), os.environ.get("API_PREFIX")
(module
  (expression_statement
    (assignment
      left: (identifier) @def.name
      right: [
        (subscript value: (attribute) @_get subscript: (string) @def.env .)
        (call
          function: [(identifier) (attribute)] @_get
          arguments: (argument_list . (string) @def.env .))
      ]))
  @def.variable
  (#match? @_get "^((os\\.)?getenv|(os\\.)?environ(\\.get)?)$"))

; Names bound inside a function (parameters, assignments, loop variables):
; they shadow module-level names of the same spelling. `global` undoes it.
(parameters (identifier) @local.name)
(lambda_parameters (identifier) @local.name)
(typed_parameter (identifier) @local.name)
(default_parameter name: (identifier) @local.name)
(typed_default_parameter name: (identifier) @local.name)
(list_splat_pattern (identifier) @local.name)
(dictionary_splat_pattern (identifier) @local.name)
(assignment left: (identifier) @local.name)
(assignment left: (pattern_list (identifier) @local.name))
(for_statement left: (identifier) @local.name)
(for_statement left: (pattern_list (identifier) @local.name))
(with_item value: (as_pattern alias: (as_pattern_target (identifier) @local.name)))
(global_statement (identifier) @local.global)
(nonlocal_statement (identifier) @local.global)

; Instance fields and their types: `self.repo = Repo()`, `self.repo: Repo = …`.
(assignment
  left: (attribute object: (identifier) @_self attribute: (identifier) @field.name)
  right: (call function: [(identifier) (attribute)] @field.type)
  (#eq? @_self "self"))
(assignment
  left: (attribute object: (identifier) @_self attribute: (identifier) @field.name)
  type: (type [(identifier) (attribute)] @field.type)
  (#eq? @_self "self"))

; Attributes start-up code sets on the application object (`app.events_manager =
; RedisEventManager()` in an init function): fields of the application, which
; `current_app.events_manager.subscribe()` calls in a request. Only the
; language's `app_objects` count as owners.
(assignment
  left: (attribute object: (identifier) @field.owner attribute: (identifier) @field.name)
  right: (call function: [(identifier) (attribute)] @field.type)
  (#not-eq? @field.owner "self"))

; DRF extra actions on viewsets: `@action(detail=True, methods=['post'], url_path='x')`
; add a route under the viewset's prefix (`<pk>/x/` when detail, `x/` otherwise).
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @_a
      arguments: (argument_list (keyword_argument name: (identifier) @_d value: (_) @def.action_detail))))
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_a "(^|\\.)action$")
  (#eq? @_d "detail"))
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @_a
      arguments: (argument_list (keyword_argument name: (identifier) @_k value: (list) @def.methods))))
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_a "(^|\\.)action$")
  (#eq? @_k "methods"))
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @_a
      arguments: (argument_list (keyword_argument name: (identifier) @_k value: (string) @def.action_path))))
  definition: (function_definition name: (identifier) @def.target)
  (#match? @_a "(^|\\.)action$")
  (#eq? @_k "url_path"))

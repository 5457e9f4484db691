; Kotlin routes.
;
; Spring MVC / WebFlux annotations, as in Java: a @RestController or
; @Controller class is a router; a class-level @RequestMapping is its
; prefix; @GetMapping / @PostMapping / … / @RequestMapping on a function of
; the class are routes (`value`/`path` as one path, an array literal
; `["/a", "/b"]` or `arrayOf(…)`, a string template or an expression of
; constants; no path: the class prefix). @RequestMapping's
; `method = [RequestMethod.X]` is read with the defs; none: every method.

((class_declaration
   (modifiers (annotation (user_type (identifier) @_c))) @_mods
   name: (identifier) @router.name) @router
  (#any-of? @_c "RestController" "Controller")
  (#not-match? @_mods "@RequestMapping")
  (#set! framework "spring"))
((class_declaration
   (modifiers
     (annotation
       (constructor_invocation
         (user_type (identifier) @_rm)
         (value_arguments
           . (value_argument . [(string_literal) (binary_expression) (identifier) (navigation_expression)] @router.prefix .)))))
   name: (identifier) @router.name) @router
  (#eq? @_rm "RequestMapping")
  (#set! framework "spring"))
((class_declaration
   (modifiers
     (annotation
       (constructor_invocation
         (user_type (identifier) @_rm)
         (value_arguments
           (value_argument
             . (identifier) @_k
             .
             [(string_literal) (binary_expression) (identifier) (navigation_expression)
              (collection_literal . (string_literal) @router.prefix)
              (call_expression (value_arguments . (value_argument (string_literal) @router.prefix)))] @router.prefix)))))
   name: (identifier) @router.name) @router
  (#eq? @_rm "RequestMapping")
  (#any-of? @_k "value" "path")
  (#set! framework "spring"))

; @GetMapping("/x"), @GetMapping(ApiPaths.X + "/{id}"), @GetMapping("$API/x")
((class_body
   (function_declaration
     (modifiers
       (annotation
         (constructor_invocation
           (user_type (identifier) @route.method)
           (value_arguments
             . (value_argument . [(string_literal) (binary_expression) (identifier) (navigation_expression)] @route.path_expr .)))))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#set! route.method_strip "Mapping")
  (#set! route.class_router)
  (#set! framework "spring"))
; @GetMapping(value = "/x", produces = …), @GetMapping(path = X + "/y")
((class_body
   (function_declaration
     (modifiers
       (annotation
         (constructor_invocation
           (user_type (identifier) @route.method)
           (value_arguments
             (value_argument
               . (identifier) @_k
               . [(string_literal) (binary_expression) (identifier) (navigation_expression)] @route.path_expr .)))))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#any-of? @_k "value" "path")
  (#set! route.method_strip "Mapping")
  (#set! route.class_router)
  (#set! framework "spring"))
; @GetMapping(value = ["/a", "/b"]), @GetMapping(path = arrayOf("/a", "/b")),
; @GetMapping(["/a", "/b"]); one element may be an expression of constants.
((class_body
   (function_declaration
     (modifiers
       (annotation
         (constructor_invocation
           (user_type (identifier) @route.method)
           (value_arguments
             (value_argument
               . (identifier)? @_k
               . [(collection_literal) @route.paths
                  (call_expression (identifier) @_array (value_arguments) @route.paths)] .)))))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#any-of? @_k "value" "path")
  (#any-of? @_array "arrayOf")
  (#set! route.method_strip "Mapping")
  (#set! route.class_router)
  (#set! framework "spring"))
((class_body
   (function_declaration
     (modifiers
       (annotation
         (constructor_invocation
           (user_type (identifier) @route.method)
           (value_arguments
             (value_argument
               . (identifier)? @_k
               . (collection_literal . [(binary_expression) (navigation_expression) (identifier)] @route.path_expr .) .)))))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#any-of? @_k "value" "path")
  (#set! route.method_strip "Mapping")
  (#set! route.class_router)
  (#set! framework "spring"))
; @PostMapping, @PostMapping(consumes = …): the class prefix.
((class_body
   (function_declaration
     (modifiers (annotation (user_type (identifier) @route.method)))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#set! route.method_strip "Mapping")
  (#set! route.path_optional)
  (#set! route.class_router)
  (#set! framework "spring"))
((class_body
   (function_declaration
     (modifiers
       (annotation
         (constructor_invocation
           (user_type (identifier) @route.method)
           (value_arguments) @_args)))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#not-match? @_args "(\\(\\s*\"|\\(\\s*\\[|(value|path)\\s*=|\\(\\s*[A-Za-z_][A-Za-z0-9_.]*\\s*[+),])")
  (#set! route.method_strip "Mapping")
  (#set! route.path_optional)
  (#set! route.class_router)
  (#set! framework "spring"))

; WebFlux / WebMvc functional DSL: `router { "/api".nest { GET("/x",
; handler::list) } }` (and `coRouter`): `nest` prefixes the routes of its
; block (blocks nest in blocks); a route's handler is a function reference
; or a lambda.
((call_expression
   (navigation_expression [(string_literal) (identifier) (navigation_expression)] @mount.prefix (identifier) @_nest .)
   (annotated_lambda (lambda_literal) @mount.child)) @mount
  (#eq? @_nest "nest")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "spring"))
((call_expression
   . (identifier) @route.method
   (value_arguments
     . (value_argument . [(string_literal) (identifier) (navigation_expression)] @route.path_expr .)
     . (value_argument . [(navigation_expression) (callable_reference) (lambda_literal)] @route.handler .) .)) @route
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#set! framework "spring"))
((call_expression
   (call_expression
     . (identifier) @route.method
     (value_arguments . (value_argument . [(string_literal) (identifier) (navigation_expression)] @route.path_expr .) .))
   (annotated_lambda (lambda_literal) @route.handler)) @route
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#set! framework "spring"))

; Ktor: `routing { route("/api") { get("/x") { … } } }`: `route` prefixes
; the routes of its block; `get`/`post`/… with a path and a block serve it.
((call_expression
   (call_expression
     . (identifier) @_route
     (value_arguments . (value_argument . [(string_literal) (identifier) (navigation_expression)] @mount.prefix .) .))
   (annotated_lambda (lambda_literal) @mount.child)) @mount
  (#eq? @_route "route")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "ktor"))
((call_expression
   (call_expression
     . (identifier) @route.method
     (value_arguments . (value_argument . [(string_literal) (identifier) (navigation_expression)] @route.path_expr .) .))
   (annotated_lambda (lambda_literal) @route.handler)) @route
  (#any-of? @route.method "get" "post" "put" "delete" "patch" "head" "options")
  (#set! framework "ktor"))
((call_expression
   . (identifier) @route.method
   (annotated_lambda (lambda_literal) @route.handler)) @route
  (#any-of? @route.method "get" "post" "put" "delete" "patch" "head" "options")
  (#set! route.path_optional)
  (#set! framework "ktor"))

; Interceptors registered on Spring's InterceptorRegistry run before the
; paths `addPathPatterns`/`excludePathPatterns` chained on the registration
; give (as in java/routes.scm).
((call_expression
   (navigation_expression (_) (identifier) @_m .)
   (value_arguments .
     (value_argument
       [(identifier) @mount.child
        (call_expression . (identifier) @mount.child)
        (navigation_expression (identifier) @mount.child .)]))) @mount
  (#eq? @_m "addInterceptor")
  (#set! mount.hook)
  (#set! framework "spring"))
((call_expression
   (navigation_expression . (_) @hook_paths.scope (identifier) @_m .)
   (value_arguments) @hook_paths.list) @hook_paths
  (#eq? @_m "addPathPatterns"))
((call_expression
   (navigation_expression . (_) @hook_paths.scope (identifier) @_m .)
   (value_arguments) @hook_paths.list) @hook_paths
  (#eq? @_m "excludePathPatterns")
  (#set! hook_paths.exclude))

; Filters and interceptors run before every route.
((class_declaration
   name: (identifier) @mount.child
   (delegation_specifiers
     (delegation_specifier
       [(user_type . (identifier) @_i) (constructor_invocation (user_type . (identifier) @_i))]))) @mount
  (#any-of? @_i "HandlerInterceptor" "Filter" "OncePerRequestFilter" "GenericFilterBean" "HttpFilter" "WebFilter"))

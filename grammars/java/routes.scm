; Java routes.
;
; Spring MVC / WebFlux: a @RestController or @Controller class is a router;
; a class-level @RequestMapping is its prefix; @GetMapping / @PostMapping /
; @PutMapping / @DeleteMapping / @PatchMapping / @RequestMapping on a method
; of a class are routes on it (`value`/`path`, a single path, an array, or
; an expression of constants; no path: the class prefix). @RequestMapping's
; `method = RequestMethod.X` is read with the defs; none: every method.
; Meta-annotations named like `AnonymousGetMapping` count as their verb.

((class_declaration
   (modifiers [(marker_annotation name: (identifier) @_c) (annotation name: (identifier) @_c)]) @_mods
   name: (identifier) @router.name) @router
  (#any-of? @_c "RestController" "Controller")
  (#not-match? @_mods "@RequestMapping")
  (#set! framework "spring"))
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_rm
       arguments: (annotation_argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @router.prefix)))
   name: (identifier) @router.name) @router
  (#eq? @_rm "RequestMapping")
  (#set! framework "spring"))
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_rm
       arguments: (annotation_argument_list
         [(element_value_pair
            key: (identifier) @_k
            value: [(string_literal) (binary_expression) (identifier) (field_access)] @router.prefix)
          (element_value_array_initializer . (string_literal) @router.prefix)
          (element_value_pair
            key: (identifier) @_k
            value: (element_value_array_initializer . (string_literal) @router.prefix))])))
   name: (identifier) @router.name) @router
  (#eq? @_rm "RequestMapping")
  (#any-of? @_k "value" "path")
  (#set! framework "spring"))

; @GetMapping("/x"), @GetMapping(ApiPaths.X + "/{id}")
((class_body
   (method_declaration
     (modifiers
       (annotation
         name: (identifier) @route.method
         arguments: (annotation_argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr)))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Anonymous)?(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#set! route.method_strip "Mapping|Anonymous")
  (#set! route.class_router)
  (#set! framework "spring"))
; @GetMapping(value = "/x", produces = …), @GetMapping(path = X + "/y")
((class_body
   (method_declaration
     (modifiers
       (annotation
         name: (identifier) @route.method
         arguments: (annotation_argument_list
           (element_value_pair
             key: (identifier) @_k
             value: [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr))))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Anonymous)?(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#any-of? @_k "value" "path")
  (#set! route.method_strip "Mapping|Anonymous")
  (#set! route.class_router)
  (#set! framework "spring"))
; @GetMapping({"/a", "/b"}), @GetMapping(value = {"/a", "/b"})
((class_body
   (method_declaration
     (modifiers
       (annotation
         name: (identifier) @route.method
         arguments: (annotation_argument_list
           [(element_value_array_initializer) @route.paths
            (element_value_pair
              key: (identifier) @_k
              value: (element_value_array_initializer) @route.paths)])))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Anonymous)?(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#any-of? @_k "value" "path")
  (#set! route.method_strip "Mapping|Anonymous")
  (#set! route.class_router)
  (#set! framework "spring"))
; @PostMapping, @GetMapping(), @PostMapping(consumes = …): the class prefix.
((class_body
   (method_declaration
     (modifiers (marker_annotation name: (identifier) @route.method))
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Anonymous)?(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#set! route.method_strip "Mapping|Anonymous")
  (#set! route.path_optional)
  (#set! route.class_router)
  (#set! framework "spring"))
((class_body
   (method_declaration
     (modifiers (annotation name: (identifier) @route.method) @_args)
     name: (identifier) @route.handler) @route)
  (#match? @route.method "^(Anonymous)?(Get|Post|Put|Delete|Patch|Request)Mapping$")
  (#not-match? @_args "(\\(\\s*\"|\\(\\s*\\{|(value|path)\\s*=|\\(\\s*[A-Za-z_][A-Za-z0-9_.]*\\s*[+)])")
  (#set! route.method_strip "Mapping|Anonymous")
  (#set! route.path_optional)
  (#set! route.class_router)
  (#set! framework "spring"))

; JAX-RS / Jakarta REST: @Path on the class is the router and its prefix;
; a method with @GET/@POST/… (and its own @Path) is a route; @ApplicationPath
; prefixes every resource.
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_p
       arguments: (annotation_argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @router.prefix)))
   name: (identifier) @router.name) @router
  (#eq? @_p "Path")
  (#set! framework "jaxrs"))
((class_body
   (method_declaration
     (modifiers (marker_annotation name: (identifier) @route.method)) @_mods
     name: (identifier) @route.handler) @route)
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#not-match? @_mods "@Path\\s*\\(")
  (#set! route.path_optional)
  (#set! route.class_router)
  (#set! framework "jaxrs"))
((class_body
   (method_declaration
     (modifiers
       (marker_annotation name: (identifier) @route.method)
       (annotation
         name: (identifier) @_p
         arguments: (annotation_argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr)))
     name: (identifier) @route.handler) @route)
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#eq? @_p "Path")
  (#set! route.class_router)
  (#set! framework "jaxrs"))
((class_body
   (method_declaration
     (modifiers
       (annotation
         name: (identifier) @_p
         arguments: (annotation_argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr))
       (marker_annotation name: (identifier) @route.method))
     name: (identifier) @route.handler) @route)
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#eq? @_p "Path")
  (#set! route.class_router)
  (#set! framework "jaxrs"))
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_a
       arguments: (annotation_argument_list . (string_literal) @mount.prefix)))) @mount
  (#eq? @_a "ApplicationPath")
  (#set! mount.global)
  (#set! framework "jaxrs"))

; Micronaut: @Controller("/x") is the router and its prefix; @Get("/y") …
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_c
       arguments: (annotation_argument_list . (string_literal) @router.prefix)))
   name: (identifier) @router.name) @router
  (#eq? @_c "Controller")
  (#set! framework "micronaut"))
((class_body
   (method_declaration
     (modifiers
       [(marker_annotation name: (identifier) @route.method)
        (annotation
          name: (identifier) @route.method
          arguments: (annotation_argument_list . (string_literal) @route.path_expr))])
     name: (identifier) @route.handler) @route)
  (#any-of? @route.method "Get" "Post" "Put" "Delete" "Patch")
  (#set! route.path_optional)
  (#set! route.class_router)
  (#set! framework "micronaut"))

; Websockets: a @ServerEndpoint class is one endpoint, served by its
; @OnOpen/@OnMessage/@OnClose methods (merged into one route).
((class_declaration
   (modifiers
     (annotation
       name: (identifier) @_s
       arguments: (annotation_argument_list . (string_literal) @route.path_expr)))
   body: (class_body
     (method_declaration
       (modifiers [(marker_annotation name: (identifier) @_o) (annotation name: (identifier) @_o)])
       name: (identifier) @route.handler))) @route
  (#eq? @_s "ServerEndpoint")
  (#any-of? @_o "OnOpen" "OnMessage" "OnClose" "OnError")
  (#set! route.default_method "WS")
  (#set! framework "jakarta-websocket"))

; Jersey mounted in code: `addServlet(new ServletHolder(new
; ServletContainer(config)), "/api/*")` prefixes every resource.
((method_invocation
   name: (identifier) @_m
   arguments: (argument_list
     (object_creation_expression
       type: (type_identifier) @_h
       arguments: (argument_list (object_creation_expression type: (type_identifier) @_c)))
     (string_literal) @mount.prefix)) @mount
  (#eq? @_m "addServlet")
  (#eq? @_h "ServletHolder")
  (#eq? @_c "ServletContainer")
  (#set! mount.global)
  (#set! mount.servlet)
  (#set! framework "jaxrs"))

; Guice servlets bound in a ServletModule: `serve("/api/socket").with(
; AsyncSocketServlet.class)`: the servlet class serves the path through its
; methods (a websocket servlet base says `WS`: grammars/java/views.toml).
((method_invocation
   object: (method_invocation
     name: (identifier) @_serve
     arguments: (argument_list . (string_literal) @route.path_expr))
   name: (identifier) @_with
   arguments: (argument_list . (class_literal (type_identifier) @route.handler))) @route
  (#eq? @_serve "serve")
  (#eq? @_with "with")
  (#set! route.class_methods)
  (#set! framework "guice-servlet"))

; A STOMP or websocket endpoint registered in a configurer method
; (`registry.addEndpoint("/ws").withSockJS()`): one WS route, served by
; the method that registers it.
((method_declaration
   name: (identifier) @route.handler
   body: (block
     (expression_statement
       [(method_invocation
          object: (identifier) @_r
          name: (identifier) @_m
          arguments: (argument_list . (string_literal) @route.path_expr))
        (method_invocation
          object: (method_invocation
            object: (identifier) @_r
            name: (identifier) @_m
            arguments: (argument_list . (string_literal) @route.path_expr)))
        (method_invocation
          object: (method_invocation
            object: (method_invocation
              object: (identifier) @_r
              name: (identifier) @_m
              arguments: (argument_list . (string_literal) @route.path_expr))))]))) @route
  (#eq? @_r "registry")
  (#any-of? @_m "addEndpoint" "addHandler")
  (#set! route.default_method "WS")
  (#set! framework "spring-websocket"))

; Filters and interceptors run before every route: servlet filters,
; Spring's OncePerRequestFilter and HandlerInterceptor; JAX-RS request and
; response filters before every JAX-RS resource (not before other servlets).
((class_declaration
   name: (identifier) @mount.child
   interfaces: (super_interfaces
     (type_list [(type_identifier) @_i (generic_type (type_identifier) @_i)]))) @mount
  (#any-of? @_i "HandlerInterceptor" "Filter"))
((class_declaration
   name: (identifier) @mount.child
   interfaces: (super_interfaces
     (type_list [(type_identifier) @_i (generic_type (type_identifier) @_i)]))) @mount
  (#any-of? @_i "ContainerRequestFilter" "ContainerResponseFilter")
  (#set! mount.framework_only)
  (#set! framework "jaxrs"))
((class_declaration
   name: (identifier) @mount.child
   superclass: (superclass [(type_identifier) @_s (generic_type (type_identifier) @_s)])) @mount
  (#any-of? @_s "OncePerRequestFilter" "GenericFilterBean" "HandlerInterceptorAdapter" "HttpFilter"))

; Interceptors registered on Spring's InterceptorRegistry
; (`registry.addInterceptor(auth)`, `new AuthInterceptor()`): hooks, limited
; to the paths `addPathPatterns`/`excludePathPatterns` chained on the
; registration give (Ant-style patterns).
((method_invocation
   name: (identifier) @_m
   arguments: (argument_list .
     [(identifier) @mount.child
      (field_access field: (identifier) @mount.child)
      (object_creation_expression
        type: [(type_identifier) @mount.child (generic_type (type_identifier) @mount.child)])])) @mount
  (#eq? @_m "addInterceptor")
  (#set! mount.hook)
  (#set! framework "spring"))
((method_invocation
   object: (_) @hook_paths.scope
   name: (identifier) @_m
   arguments: (argument_list) @hook_paths.list) @hook_paths
  (#eq? @_m "addPathPatterns"))
((method_invocation
   object: (_) @hook_paths.scope
   name: (identifier) @_m
   arguments: (argument_list) @hook_paths.list) @hook_paths
  (#eq? @_m "excludePathPatterns")
  (#set! hook_paths.exclude))

; Aspects: an @Around/@Before/@After… advice whose pointcut selects an
; annotation (`@annotation(me.app.Log)`, or a named pointcut declaring it)
; runs around every handler that carries the annotation.
((class_declaration
   (modifiers (marker_annotation name: (identifier) @_aspect))
   body: (class_body
     (method_declaration
       (modifiers
         (annotation
           name: (identifier) @_advice
           arguments: (annotation_argument_list
             [(string_literal) @mount.pointcut
              (element_value_pair
                key: (identifier) @_k
                value: (string_literal) @mount.pointcut)])))) @mount.child)) @mount
  (#eq? @_aspect "Aspect")
  (#any-of? @_advice "Around" "Before" "After" "AfterReturning" "AfterThrowing")
  (#any-of? @_k "value" "pointcut")
  (#set! mount.inline_hook))

; Spring WebFlux functional routes. The builder's verbs
; (`RouterFunctions.route().GET("/x", h::get)`, a request predicate between
; allowed: `.POST("/x", accept(JSON), h::create)`) and `route(GET("/x"),
; h::get).andRoute(POST("/y").and(…), h::create)`: the handler is the method
; reference or lambda. `.path("/api", b -> …)` and `nest(path("/api"), …)`
; are inline blocks under their prefix.
((method_invocation
   name: (identifier) @route.method
   arguments: (argument_list
     . [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr
     [(method_reference) (lambda_expression)] @route.handler .)) @route
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#set! framework "spring-webflux"))
((method_invocation
   name: (identifier) @_r
   arguments: (argument_list
     . [(method_invocation
          name: (identifier) @route.method
          arguments: (argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr .))
        (method_invocation
          object: (method_invocation
            name: (identifier) @route.method
            arguments: (argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @route.path_expr .)))]
     . [(method_reference) (lambda_expression)] @route.handler .)) @route
  (#any-of? @_r "route" "andRoute")
  (#any-of? @route.method "GET" "POST" "PUT" "DELETE" "PATCH" "HEAD" "OPTIONS")
  (#set! framework "spring-webflux"))
((method_invocation
   name: (identifier) @_p
   arguments: (argument_list
     . [(string_literal) (binary_expression) (identifier) (field_access)] @mount.prefix
     . (lambda_expression) @mount.child .)) @mount
  (#eq? @_p "path")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "spring-webflux"))
((method_invocation
   name: (identifier) @_n
   arguments: (argument_list
     . (method_invocation
         name: (identifier) @_p
         arguments: (argument_list . [(string_literal) (binary_expression) (identifier) (field_access)] @mount.prefix .))
     . (_) @mount.child .)) @mount
  (#any-of? @_n "nest" "andNest")
  (#eq? @_p "path")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "spring-webflux"))

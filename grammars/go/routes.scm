; Go routes, routers and mounts: net/http (`HandleFunc`/`Handle`, Go 1.22
; patterns `"GET /items/{id}"`, `http.StripPrefix`), gin and echo
; (`r.GET`, `Any`, `Handle`/`Add`, `Group`), chi (`r.Get`, `Route`,
; `Mount`, `Group`, `With`), fiber (`app.Get`, `Group`), gorilla/mux
; (`HandleFunc(…).Methods(…)`, `PathPrefix(…).Subrouter()`). Every argument
; after the path is a handler: the last handles the route, the others are
; middleware. A call written as a handler (`listUsers(db)`) is a factory:
; the function called returns the handler. A function called with a router
; (`users.Register(v1)`) declares its routes on the router it is given
; (`mount.parent_router`). Frameworks that share a spelling (gin and echo,
; chi and fiber) are told apart by go.mod.

; ---- Routes

; gin and echo: r.GET("/x", mw, handler), g.Any("/x", h), g.GET("version", h)
; (a path relative to its group), r.Group("/user").Use(mw).POST("", h) (a
; group made in the chain is a router of its own, named by its place),
; g.GET(path.Join(base, "/login"), h) (the language's `path_joins`). echo
; takes the handler first (`e.GET("/x", h, mw)`: language.toml `handler_first`).
; A path that is the enclosing function's parameter declares a wrapper, not a
; route (`func (r *Router) GET(path string, h Handler) { r.Group.GET(path, …) }`):
; the wrapper's own calls are the routes.
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression) (call_expression)] @route.router field: (field_identifier) @route.method)
  arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression) (call_expression)] @route.path_expr . (_)) @route.args
  (#any-of? @route.method "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "Any" "CONNECT" "TRACE")
  (#match? @route.path_expr "^([\"`]([/A-Za-z0-9_:*]|[\"`]$)|path[.]Join[(]|[A-Za-z_][A-Za-z0-9_.]*([^A-Za-z0-9_.(]|[(][\"`]/|$))")
  (#set! route.positional)
  (#set! route.handler_factory)
  (#set! route.unless_parameter)
  (#set! framework "echo|gin")) @route
; gin r.Match([]string{"GET", "HEAD"}, "/health", h): one route per method.
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression) (call_expression)] @route.router field: (field_identifier) @_match)
  arguments: (argument_list
    . (composite_literal body: (literal_value) @route.method)
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr
    (_) @route.handler .)
  (#eq? @_match "Match")
  (#set! route.positional)
  (#set! route.handler_factory)
  (#set! framework "gin")) @route
; gin r.Static("/assets", dir), r.StaticFS("/image", fs): files under the path.
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression) (call_expression)] @route.router field: (field_identifier) @_static)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal)] @route.path_expr
    . (_) .)
  (#any-of? @_static "Static" "StaticFS")
  (#set! route.positional)
  (#set! route.default_method "GET")
  (#set! route.path_suffix "/*filepath")
  (#set! framework "gin")) @route
; echo e.Static("/avatar", dir), g.Static(…): files under the path (`GET /avatar/*`).
; The declaration is the argument list: gin's pattern of the same call stays a
; declaration of its own, each kept only where its framework is imported.
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression) (call_expression)] @route.router field: (field_identifier) @_static)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal)] @route.path_expr
    . (_) .) @route
  (#eq? @_static "Static")
  (#set! route.positional)
  (#set! route.default_method "GET")
  (#set! route.path_suffix "/*")
  (#set! framework "echo"))
; gin r.Handle("GET", "/x", h), echo e.Add("GET", "/x", h), chi r.Method("GET", "/x", h).
(call_expression
  function: (selector_expression operand: (_) @route.router field: (field_identifier) @_handle)
  arguments: (argument_list
    . (interpreted_string_literal) @route.method
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr
    (_) @route.handler .)
  (#any-of? @_handle "Handle" "Add" "Method" "MethodFunc")
  (#set! route.handler_factory)
  (#set! framework "echo|gin|chi")) @route

; chi and fiber: r.Get("/x", h), app.Post("/x", mw, h), app.All("/x", h),
; r.Get(v1Base("/x"), h) (a path-building function's result).
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression)] @route.router field: (field_identifier) @route.method)
  arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (binary_expression) (call_expression)] @route.path_expr . (_)) @route.args
  (#any-of? @route.method "Get" "Post" "Put" "Patch" "Delete" "Head" "Options" "All" "Connect" "Trace")
  (#match? @route.path_expr "^([\"`]/|path[.]Join[(]|[A-Za-z_][A-Za-z0-9_.]*[(][\"`]/)")
  (#set! route.handler_factory)
  (#set! route.strip_trailing_slash)
  (#set! framework "fiber|chi")) @route
; chi r.With(mw).Get("/x", h): the middleware runs before the handler.
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression operand: (_) @route.router field: (field_identifier) @_with)
      arguments: (argument_list (_) @route.handler))
    field: (field_identifier) @route.method)
  arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression)] @route.path_expr . (_) @route.handler .)
  (#eq? @_with "With")
  (#any-of? @route.method "Get" "Post" "Put" "Patch" "Delete" "Head" "Options" "Handle" "HandleFunc")
  (#set! route.handler_factory)
  (#set! framework "chi")) @route

; net/http, chi and gorilla/mux: mux.HandleFunc("GET /items/{id}", h),
; http.Handle("/x", handler). Without a method in the pattern, every method.
((call_expression
  function: (selector_expression operand: (_) @route.router field: (field_identifier) @_handle)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr
    . (_) @route.handler .)) @route
  (#any-of? @_handle "HandleFunc" "Handle")
  (#match? @route.path_expr "^([\"`]([A-Z]+ )?/|[A-Za-z_])")
  (#not-match? @route.handler "StripPrefix|^http[.]HandlerFunc[(]")
  (#set! route.method_in_path)
  (#set! route.default_method "ANY")
  (#set! route.handler_factory)
  (#set! framework "net/http|chi|gorilla/mux"))
; http.HandlerFunc(f), http.Handler(x): the function converted handles it.
((call_expression
  function: (selector_expression operand: (_) @route.router field: (field_identifier) @_handle)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr
    . (call_expression
        function: (selector_expression operand: (identifier) @_http field: (field_identifier) @_conv)
        arguments: (argument_list . [(identifier) (selector_expression) (func_literal)] @route.handler .)) .)) @route
  (#any-of? @_handle "HandleFunc" "Handle")
  (#eq? @_http "http")
  (#eq? @_conv "HandlerFunc")
  (#set! route.method_in_path)
  (#set! route.default_method "ANY")
  (#set! framework "net/http|chi|gorilla/mux"))
; gorilla/mux: r.HandleFunc("/x", h).Methods("GET", "POST"): the methods of
; the route declared by the inner call.
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression operand: (_) @route.router field: (field_identifier) @_handle)
      arguments: (argument_list
        . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr
        . (_) @route.handler .)) @route
    field: (field_identifier) @_methods)
  arguments: (argument_list) @route.method
  (#any-of? @_handle "HandleFunc" "Handle")
  (#eq? @_methods "Methods")
  (#set! route.handler_factory)
  (#set! framework "gorilla/mux"))

; gorilla/mux: r.Path("/reset").Handler(h), r.Path("/x").HandlerFunc(f),
; optionally followed by .Methods("GET").
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression operand: (_) @route.router field: (field_identifier) @_path)
      arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr .))
    field: (field_identifier) @_handler)
  arguments: (argument_list . (_) @route.handler .)
  (#eq? @_path "Path")
  (#any-of? @_handler "Handler" "HandlerFunc")
  (#set! route.default_method "ANY")
  (#set! route.handler_factory)
  (#set! framework "gorilla/mux")) @route
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression
        operand: (call_expression
          function: (selector_expression operand: (_) @route.router field: (field_identifier) @_path)
          arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @route.path_expr .))
        field: (field_identifier) @_handler)
      arguments: (argument_list . (_) @route.handler .)) @route
    field: (field_identifier) @_methods)
  arguments: (argument_list) @route.method
  (#eq? @_path "Path")
  (#any-of? @_handler "Handler" "HandlerFunc")
  (#eq? @_methods "Methods")
  (#set! route.handler_factory)
  (#set! framework "gorilla/mux"))

; ---- Routers

; r := gin.Default(), e := echo.New(), r := chi.NewRouter(), app := fiber.New(),
; r := mux.NewRouter(), mux := http.NewServeMux(): routers of their framework.
(short_var_declaration
  left: (expression_list . (identifier) @router.name)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "gin")
  (#any-of? @_new "Default" "New")
  (#set! framework "gin")) @router
(var_spec
  name: (identifier) @router.name
  value: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "gin")
  (#any-of? @_new "Default" "New")
  (#set! framework "gin")) @router
(short_var_declaration
  left: (expression_list . (identifier) @router.name)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "echo")
  (#any-of? @_new "New")
  (#set! framework "echo")) @router
(var_spec
  name: (identifier) @router.name
  value: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "echo")
  (#any-of? @_new "New")
  (#set! framework "echo")) @router
(short_var_declaration
  left: (expression_list . (identifier) @router.name)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "chi")
  (#any-of? @_new "NewRouter" "NewMux")
  (#set! framework "chi")) @router
(var_spec
  name: (identifier) @router.name
  value: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "chi")
  (#any-of? @_new "NewRouter" "NewMux")
  (#set! framework "chi")) @router
(short_var_declaration
  left: (expression_list . (identifier) @router.name)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "fiber")
  (#any-of? @_new "New")
  (#set! framework "fiber")) @router
(var_spec
  name: (identifier) @router.name
  value: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "fiber")
  (#any-of? @_new "New")
  (#set! framework "fiber")) @router
(short_var_declaration
  left: (expression_list . (identifier) @router.name)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "mux")
  (#any-of? @_new "NewRouter")
  (#set! framework "gorilla/mux")) @router
(var_spec
  name: (identifier) @router.name
  value: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "mux")
  (#any-of? @_new "NewRouter")
  (#set! framework "gorilla/mux")) @router
(short_var_declaration
  left: (expression_list . (identifier) @router.name)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "http")
  (#any-of? @_new "NewServeMux")
  (#set! framework "net/http")) @router
(var_spec
  name: (identifier) @router.name
  value: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_new)))
  (#eq? @_pkg "http")
  (#any-of? @_new "NewServeMux")
  (#set! framework "net/http")) @router
; The receiver of a route declaration is a router (a parameter, a struct
; field, the `http` package's default mux).
(call_expression
  function: (selector_expression operand: [(identifier) (selector_expression)] @router.name field: (field_identifier) @_m)
  arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @_path . (_))
  (#match? @_path "^[\"`]([A-Z]+ )?/")
  (#any-of? @_m "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "Any" "Get" "Post" "Put" "Patch" "Delete" "Head" "Options" "All" "HandleFunc" "Handle")) @router

; ---- Mounts

; v1 := r.Group("/api/v1", mw…) (gin, echo, fiber); api := r.PathPrefix("/api").Subrouter() (gorilla/mux).
; A name declared as a group again further on in the file (`g := e.Group("", auth)` in
; one block, `g := e.Group("")` in the next) means, at each use, the declaration
; nearest before it.
; A prefix from a call is an environment read (`os.Getenv("API")`, language.toml
; env_reads) or stays a visible `{name}` placeholder.
(short_var_declaration
  left: (expression_list . (identifier) @mount.child)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_group)
    arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression) (call_expression)] @mount.prefix)))
  (#eq? @_group "Group")
  (#set! mount.router)) @mount
(short_var_declaration
  left: (expression_list . (identifier) @mount.child)
  right: (expression_list . (call_expression
    function: (selector_expression
      operand: (call_expression
        function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_prefix)
        arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression)] @mount.prefix))
      field: (field_identifier) @_sub)))
  (#eq? @_prefix "PathPrefix")
  (#eq? @_sub "Subrouter")
  (#set! mount.router)) @mount
; var ( g = e.Group("/api", mw) ): the same group declared in a var block.
(var_spec
  name: (identifier) @mount.child
  value: (expression_list . (call_expression
    function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_group)
    arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression) (call_expression)] @mount.prefix)))
  (#eq? @_group "Group")
  (#set! mount.router)) @mount
; A group made by a method of the project's own router type that wraps the
; framework's groups (`sA := r.SubGroup("/settings", mw)`): it holds when the
; method is a group wrapper (below); its further arguments are middleware.
(short_var_declaration
  left: (expression_list . (identifier) @mount.child)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @mount.via)
    arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @mount.prefix)))
  (#not-eq? @mount.via "Group")
  (#set! mount.router)) @mount
(short_var_declaration
  left: (expression_list . (identifier) @mount.parent)
  right: (expression_list . (call_expression
    function: (selector_expression field: (field_identifier) @mount.via)
    arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] (_) @mount.child)))
  (#not-eq? @mount.via "Group")) @mount
; A group wrapper: a function or method that makes a group with its
; parameter as the prefix (`func (r *Router) SubGroup(prefix string, …) *Router
; { return NewRouter(r.Group.Group(prefix, …)) }`).
(call_expression
  function: (selector_expression field: (field_identifier) @_group)
  arguments: (argument_list . (identifier) @mount.prefix)
  (#eq? @_group "Group")
  (#set! mount.wrapper)) @mount
; A router of the app's own type made over a group (`r := NewRouter(s.echo.Group(""))`,
; `type Router struct{ *echo.Group }`): the group, under its parent.
(short_var_declaration
  left: (expression_list . (identifier) @mount.child)
  right: (expression_list . (call_expression
    function: [(identifier) (selector_expression)]
    arguments: (argument_list . (call_expression
      function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_group)
      arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @mount.prefix .)) .)))
  (#eq? @_group "Group")
  (#set! mount.router)) @mount
; Middleware given to a group: hooks of the group (`r.Group("/admin", auth())`).
(short_var_declaration
  left: (expression_list . (identifier) @mount.parent)
  right: (expression_list . (call_expression
    function: (selector_expression field: (field_identifier) @_group)
    arguments: (argument_list . (_) (_) @mount.child)))
  (#eq? @_group "Group")) @mount
(var_spec
  name: (identifier) @mount.parent
  value: (expression_list . (call_expression
    function: (selector_expression field: (field_identifier) @_group)
    arguments: (argument_list . (_) (_) @mount.child)))
  (#eq? @_group "Group")) @mount

; chi: r.Route("/users", func(r chi.Router) { … }), r.Group(func(r chi.Router) { … }).
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_route)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression)] @mount.prefix
    . (func_literal) @mount.child .)
  (#eq? @_route "Route")
  (#set! mount.inline)
  (#set! mount.router)) @mount
; r.Route("/notes", h.Routes): a function that declares routes on the router it is given.
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_route)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression)] @mount.prefix
    . [(identifier) (selector_expression)] @mount.child .)
  (#eq? @_route "Route")
  (#set! mount.router)) @mount
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_group)
  arguments: (argument_list . (func_literal) @mount.child .)
  (#eq? @_group "Group")
  (#set! mount.inline)
  (#set! mount.router)) @mount
; chi: r.Mount("/admin", adminRouter()); net/http: mux.Handle("/api/",
; http.StripPrefix("/api", api)): the router's routes under the prefix.
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_mount)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression)] @mount.prefix
    . [(identifier) (selector_expression) (call_expression)] @mount.child .)
  (#eq? @_mount "Mount")
  (#set! mount.router)) @mount
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_handle)
  arguments: (argument_list
    . [(interpreted_string_literal) (raw_string_literal)]
    . (call_expression
        function: (selector_expression field: (field_identifier) @_strip)
        arguments: (argument_list
          . [(interpreted_string_literal) (raw_string_literal) (identifier)] @mount.prefix
          . [(identifier) (selector_expression) (call_expression)] @mount.child .)) .)
  (#any-of? @_handle "Handle" "HandleFunc")
  (#eq? @_strip "StripPrefix")
  (#set! mount.router)) @mount

; Middleware: r.Use(mw), g.Use(a, b), app.Use(mw) (hooks of the router),
; r.Group("/user").Use(mw) (of the group made in the chain).
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_use)
  arguments: (argument_list [(identifier) (selector_expression) (call_expression)] @mount.child)
  (#eq? @_use "Use")
  (#set! mount.positional "parent")) @mount
; A function converted to the app's own middleware type and adapted to the
; framework's (`s.echo.Use(Middleware(sessionInit).toEcho())`): the function is the hook.
(call_expression
  function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_use)
  arguments: (argument_list
    (call_expression
      function: (selector_expression
        operand: (call_expression
          function: (identifier) @_type
          arguments: (argument_list . (identifier) @mount.child .)))))
  (#eq? @_use "Use")
  (#match? @_type "^[A-Z]")
  (#not-match? @_type "^New")
  (#set! mount.positional "parent")) @mount
; r.Group("/user").POST("", h), r.Group("/").Use(mw): a group made in a chain.
(selector_expression
  operand: (call_expression
    function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_group)
    arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @mount.prefix)) @mount.child
  (#eq? @_group "Group")
  (#set! mount.positional)
  (#set! mount.router)) @mount

; A function called with a router declares routes on it: `users.Register(v1)`,
; `routes.Setup(r, h)`, `registerRoutes(mux)`, `users.Register(v1.Group("/users"))`
; (the group made in the argument is a router of its own, named by its place).
(expression_statement
  (call_expression
    function: [(identifier) (selector_expression)] @mount.child
    arguments: (argument_list [(identifier) (call_expression)] @mount.parent))
  (#set! mount.router)
  (#set! mount.positional)
  (#set! mount.parent_router)) @mount
(expression_statement
  (call_expression
    function: [(identifier) (selector_expression)]
    arguments: (argument_list
      (call_expression
        function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_group)
        arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @mount.prefix)) @mount.child))
  (#eq? @_group "Group")
  (#set! mount.positional)
  (#set! mount.router)) @mount
(expression_statement
  (call_expression
    function: [(identifier) (selector_expression)]
    arguments: (argument_list
      (call_expression
        function: (selector_expression
          operand: (call_expression
            function: (selector_expression operand: (_) @mount.parent field: (field_identifier) @_prefix)
            arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal) (identifier) (selector_expression) (binary_expression)] @mount.prefix))
          field: (field_identifier) @_sub)) @mount.child))
  (#eq? @_prefix "PathPrefix")
  (#eq? @_sub "Subrouter")
  (#set! mount.positional)
  (#set! mount.router)) @mount

; ASP.NET Core routes.
;
; Attribute routing: a controller's `[Route("api/[controller]")]` is its
; class router's prefix (inherited by derived controllers that declare
; none); `[HttpGet("{id}")]`, `[HttpPost]`, … and `[Route("x")]` on an
; action are routes on the class. `[controller]` is the class name without
; `Controller`, `[action]` the method name without `Async` (route tokens);
; an action template starting with `/` or `~/` ignores the class prefix; an
; action with `[Route]` and no HTTP-method attribute answers every method.
; Conventional routing: every public action of a `*Controller` class is a
; candidate of the `mvc` convention: served at its class prefix when the
; class has one, else at each `MapControllerRoute`/`MapRoute` template.
; Minimal APIs: `app.MapGet("/x", handler)`, `MapGroup("/api")` groups,
; `MapMethods`, and `MapHub<THub>("/hub")` (a websocket endpoint served by
; the hub class). Razor Pages: `OnGet`/`OnPostAsync`/… of a `PageModel` in
; `Pages/**/X.cshtml.cs` serve the page's path (the `@page` template in
; the `.cshtml` is not read).

; ---- Attribute routing: controllers

; [Route("api/[controller]")] on the class: the router and its prefix.
(class_declaration
  (attribute_list
    (attribute
      name: (identifier) @_route
      (attribute_argument_list
        . (attribute_argument !name
            [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression) (binary_expression)] @router.prefix))))
  name: (identifier) @router.name
  (#eq? @_route "Route")
  (#set! framework "aspnetcore-mvc")) @router

; [HttpGet("{id}")], [HttpPost("x", Name = "y")]: one route per attribute.
(method_declaration
  (attribute_list
    (attribute
      name: (identifier) @route.method
      (attribute_argument_list
        . (attribute_argument !name
            [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression) (binary_expression)] @route.path_expr))) @route)
  name: (identifier) @route.handler
  (#match? @route.method "^Http(Get|Post|Put|Delete|Patch|Head|Options)$")
  (#set! route.method_strip "Http")
  (#set! route.class_router)
  (#set! route.rooted)
  (#set! route.token_class "controller:Controller")
  (#set! route.token_handler "action:Async")
  (#set! framework "aspnetcore-mvc"))

; [Route("x")] on an action: a route on the class at that template, for the
; methods of the template-less HTTP attributes beside it (none: every method).
(method_declaration
  (attribute_list
    (attribute
      name: (identifier) @_route
      (attribute_argument_list
        . (attribute_argument !name
            [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression) (binary_expression)] @route.path_expr))))
  name: (identifier) @route.handler
  (#eq? @_route "Route")
  (#set! route.default_method "ANY")
  (#set! route.class_router)
  (#set! route.rooted)
  (#set! route.token_class "controller:Controller")
  (#set! route.token_handler "action:Async")
  (#set! framework "aspnetcore-mvc")) @route

; [HttpGet], [HttpPost(Name = "x")]: the method of the action's [Route]
; templates, of its class prefix, or of its conventional route.
(method_declaration
  (attribute_list
    (attribute name: (identifier) @route.method) @_attribute)
  name: (identifier) @route.handler
  (#match? @route.method "^Http(Get|Post|Put|Delete|Patch|Head|Options)$")
  (#not-match? @_attribute "^[^(]*\\(\\s*(@?\\$?\"|[A-Za-z_][A-Za-z0-9_.]*\\s*[+,)])")
  (#set! route.method_strip "Http")
  (#set! route.class_router)
  (#set! route.convention "mvc")
  (#set! route.token_class "controller:Controller")
  (#set! route.token_handler "action:Async")
  (#set! framework "aspnetcore-mvc")) @route

; [AcceptVerbs("GET", "POST")]: the methods of the action.
(method_declaration
  (attribute_list
    (attribute
      name: (identifier) @_verbs
      (attribute_argument_list (attribute_argument !name (string_literal) @route.method))))
  name: (identifier) @route.handler
  (#eq? @_verbs "AcceptVerbs")
  (#set! route.class_router)
  (#set! route.convention "mvc")
  (#set! route.token_class "controller:Controller")
  (#set! route.token_handler "action:Async")
  (#set! framework "aspnetcore-mvc")) @route

; Public instance methods of a `*Controller` class (not [NonAction], not
; static, abstract or an override of the framework's): candidate actions.
(class_declaration
  name: (identifier) @_class
  body: (declaration_list
    (method_declaration
      (modifier) @_public
      name: (identifier) @route.handler) @route)
  (#match? @_class "Controller$")
  (#eq? @_public "public")
  (#not-match? @route "^[^{]*\\b(static|abstract|override|NonAction)\\b")
  (#set! route.class_router)
  (#set! route.convention "mvc")
  (#set! route.token_class "controller:Controller")
  (#set! route.token_handler "action:Async")
  (#set! framework "aspnetcore-mvc"))

; app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}"),
; routes.MapRoute(name: "default", template: "…"): the convention's templates.
(invocation_expression
  function: (member_access_expression name: (identifier) @_map)
  arguments: (argument_list
    . (argument)
    . (argument !name [(string_literal) (verbatim_string_literal)] @mount.prefix))
  (#any-of? @_map "MapControllerRoute" "MapRoute")
  (#set! mount.convention "mvc")
  (#set! framework "aspnetcore-mvc")) @mount
(invocation_expression
  function: (member_access_expression name: (identifier) @_map)
  arguments: (argument_list
    (argument name: (identifier) @_pattern [(string_literal) (verbatim_string_literal)] @mount.prefix))
  (#any-of? @_map "MapControllerRoute" "MapRoute")
  (#any-of? @_pattern "pattern" "template")
  (#set! mount.convention "mvc")
  (#set! framework "aspnetcore-mvc")) @mount
; app.MapDefaultControllerRoute(), app.UseMvcWithDefaultRoute()
(invocation_expression
  function: (member_access_expression name: (identifier) @_map)
  (#any-of? @_map "MapDefaultControllerRoute" "UseMvcWithDefaultRoute")
  (#set! mount.convention "mvc")
  (#set! mount.fixed_prefix "{controller=Home}/{action=Index}/{id?}")
  (#set! framework "aspnetcore-mvc")) @mount

; options.Conventions.Add(new RouteTokenTransformerConvention(new SlugifyParameterTransformer())):
; every controller token is slugified (`MyOrders` → `my-orders`).
(object_creation_expression
  type: (identifier) @_convention
  arguments: (argument_list
    (argument (object_creation_expression type: (identifier) @_transformer)))
  (#eq? @_convention "RouteTokenTransformerConvention")
  (#match? @_transformer "(?i)(slug|kebab|hyphen)")
  (#set! mount.token_transform "slugify")
  (#set! framework "aspnetcore-mvc")) @mount

; options.EventsType = typeof(RevokeAuthenticationEvents) (cookie or JWT
; authentication events): the class's methods (ValidatePrincipal, …) run on
; every request of the application.
(assignment_expression
  left: (member_access_expression name: (identifier) @_events)
  right: (typeof_expression type: [(identifier) (qualified_name)] @mount.child)
  (#eq? @_events "EventsType")) @mount

; ---- Minimal APIs

; app.MapGet("/x", handler), group.MapPost(Paths.Items, Create): the
; receiver is a router (an app, an endpoint builder, a group).
(invocation_expression
  function: (member_access_expression
    expression: (identifier) @route.router
    name: (identifier) @route.method)
  arguments: (argument_list
    . (argument [(string_literal) (verbatim_string_literal) (interpolated_string_expression) (identifier) (member_access_expression) (binary_expression)] @route.path_expr)
    . (argument [(lambda_expression) (anonymous_method_expression) (identifier) (member_access_expression)] @route.handler))
  (#match? @route.method "^Map(Get|Post|Put|Delete|Patch)$")
  (#set! route.method_strip "Map")
  (#set! framework "aspnetcore-minimal-api")) @route
; app.MapMethods("/x", new[] { "GET", "HEAD" }, handler)
(invocation_expression
  function: (member_access_expression
    expression: (identifier) @route.router
    name: (identifier) @_map)
  arguments: (argument_list
    . (argument [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression)] @route.path_expr)
    . (argument (_ (initializer_expression (string_literal) @route.method)))
    . (argument [(lambda_expression) (anonymous_method_expression) (identifier) (member_access_expression)] @route.handler))
  (#eq? @_map "MapMethods")
  (#set! framework "aspnetcore-minimal-api")) @route
; app.MapHub<ChatHub>("/hubs/chat"): a SignalR endpoint served by the hub.
(invocation_expression
  function: (member_access_expression
    expression: (identifier) @route.router
    name: (generic_name (identifier) @_hub (type_argument_list . (_) @route.handler)))
  arguments: (argument_list
    . (argument [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression)] @route.path_expr))
  (#eq? @_hub "MapHub")
  (#set! route.default_method "WS")
  (#set! route.class_methods)
  (#set! framework "signalr")) @route

; The receiver of a Map… call is a router.
(invocation_expression
  function: (member_access_expression
    expression: (identifier) @router.name
    name: [(identifier) (generic_name (identifier))] @_map)
  (#match? @_map "^Map(Get|Post|Put|Delete|Patch|Methods|Group|Hub)\\b")
  (#set! framework "aspnetcore-minimal-api")) @router

; var api = app.MapGroup("/api"); var items = api.MapGroup("/items").WithTags("x");
(variable_declarator
  name: (identifier) @mount.child
  (invocation_expression
    function: (member_access_expression
      expression: (identifier) @mount.parent
      name: (identifier) @_group)
    arguments: (argument_list . (argument [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression)] @mount.prefix)))
  (#eq? @_group "MapGroup")
  (#set! mount.router)
  (#set! framework "aspnetcore-minimal-api")) @mount
(variable_declarator
  name: (identifier) @mount.child
  (invocation_expression
    function: (member_access_expression
      expression: (invocation_expression
        function: (member_access_expression
          expression: (identifier) @mount.parent
          name: (identifier) @_group)
        arguments: (argument_list . (argument [(string_literal) (verbatim_string_literal) (identifier) (member_access_expression)] @mount.prefix)))))
  (#eq? @_group "MapGroup")
  (#set! mount.router)
  (#set! framework "aspnetcore-minimal-api")) @mount

; ---- Razor Pages: handler methods of a PageModel under Pages/: OnGet,
; OnPostAsync, OnPostDelete… serve the verb their name starts with.
(class_declaration
  (base_list (identifier) @_base)
  body: (declaration_list (method_declaration name: (identifier) @route.handler @route.method) @route)
  (#eq? @_base "PageModel")
  (#match? @route.method "^On(Get|Post|Put|Delete|Patch)")
  (#set! route.method_strip "On")
  (#set! route.method_leading)
  (#set! route.fs_dir "Pages")
  (#set! route.fs_suffix ".cshtml.cs")
  (#set! route.fs_area "Areas")
  (#set! framework "razor-pages"))
; A page without an OnGet handler still answers GET (it renders the page).
(class_declaration
  name: (identifier) @route.handler
  (base_list (identifier) @_base)
  body: (declaration_list) @_body
  (#eq? @_base "PageModel")
  (#not-match? @_body "\\bOnGet(Async)?\\s*\\(")
  (#set! route.default_method "GET")
  (#set! route.fs_dir "Pages")
  (#set! route.fs_suffix ".cshtml.cs")
  (#set! route.fs_area "Areas")
  (#set! framework "razor-pages")) @route

; PHP routes. Captures as in grammars/python/routes.scm; handlers written
; as a class and a method apart use @route.handler_class with
; @route.handler_member (or `#set! route.handler_member`), or one string
; @route.handler_string split at `route.handler_split`.
;
; ---- Laravel: routes/web.php, routes/api.php ------------------------------
; Route::get('/users/{id}', ...), post, put, patch, delete, options, any;
; also after a chain that starts at Route (`Route::middleware('auth')->get(...)`).
; Laravel trims the slashes around a route's URI once its group prefix is
; joined (`prefix('/modules')` + `get('/')` is `/modules`): no trailing `/`.
; Each handler form below is its own pattern on the same node: they merge.
((scoped_call_expression
   scope: (name) @_r
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path))) @route
  (#eq? @_r "Route")
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#set! route.strip_trailing_slash)
  (#set! framework "laravel"))
((member_call_expression
   object: [(scoped_call_expression scope: (name) @_r)
            (member_call_expression object: (scoped_call_expression scope: (name) @_r))]
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path))) @route
  (#eq? @_r "Route")
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#set! route.strip_trailing_slash)
  (#set! framework "laravel"))
; The middleware a route skips (@route.without): a class or a group's name,
; before the route (`Route::withoutMiddleware([StartSession::class])->get(...)`)
; or after it (`Route::get(...)->withoutMiddleware('web')`).
((member_call_expression
   object: [(scoped_call_expression
              scope: (name) @_r
              name: (name) @_wm
              arguments: (arguments . (argument [
                (class_constant_access_expression . [(name) (qualified_name)] @route.without)
                (string (string_content) @route.without)
                (array_creation_expression (array_element_initializer [
                  (class_constant_access_expression . [(name) (qualified_name)] @route.without)
                  (string (string_content) @route.without)]))])))
            (member_call_expression
              object: (scoped_call_expression scope: (name) @_r)
              name: (name) @_wm
              arguments: (arguments . (argument [
                (class_constant_access_expression . [(name) (qualified_name)] @route.without)
                (string (string_content) @route.without)
                (array_creation_expression (array_element_initializer [
                  (class_constant_access_expression . [(name) (qualified_name)] @route.without)
                  (string (string_content) @route.without)]))])))]
   name: (name) @_m) @route
  (#eq? @_r "Route")
  (#eq? @_wm "withoutMiddleware")
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match"))
((member_call_expression
   object: (scoped_call_expression
     scope: (name) @_r
     name: (name) @_m) @route
   name: (name) @_wm
   arguments: (arguments . (argument [
     (class_constant_access_expression . [(name) (qualified_name)] @route.without)
     (string (string_content) @route.without)
     (array_creation_expression (array_element_initializer [
       (class_constant_access_expression . [(name) (qualified_name)] @route.without)
       (string (string_content) @route.without)]))])))
  (#eq? @_r "Route")
  (#eq? @_wm "withoutMiddleware")
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match"))
; Route::match(['get', 'post'], '/x', ...)
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_m
   arguments: (arguments . (argument (array_creation_expression) @route.method) . (argument (string) @route.path))) @route
  (#eq? @_r "Route")
  (#eq? @_m "match")
  (#set! route.strip_trailing_slash)
  (#set! framework "laravel"))
;
; A path with substitutions (`Route::get("{$name}/feed", ...)`,
; `Route::match(['get', 'post'], "{$endpoint}{format?}", $controller)`) in a
; loop whose variables give them (below); no route outside such a loop.
((scoped_call_expression
   scope: (name) @_r
   name: (name) @route.method
   arguments: (arguments . (argument (encapsed_string (variable_name)) @route.path_expr))) @route
  (#eq? @_r "Route")
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#set! route.loop_only)
  (#set! framework "laravel"))
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_m
   arguments: (arguments . (argument (array_creation_expression) @route.method) . (argument (encapsed_string (variable_name)) @route.path_expr))) @route
  (#eq? @_r "Route")
  (#eq? @_m "match")
  (#set! route.loop_only)
  (#set! framework "laravel"))
; Routes declared in a loop over an array literal, or a variable bound to
; one: `foreach ($endpoints as $endpoint => $controller)` binds each key and
; value (`foreach ($names as $name)` each item) for the routes inside.
(foreach_statement
  . [(variable_name) (array_creation_expression)] @loop.values
  . [(variable_name (name) @loop.name)
     (pair . (variable_name (name) @loop.name) . (variable_name (name) @loop.name) .)]) @loop
; Route::view('/welcome', 'welcome'), Route::redirect('/here', '/there'):
; served by the framework.
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_m
   arguments: (arguments . (argument (string) @route.path))) @route
  (#eq? @_r "Route")
  (#any-of? @_m "view" "redirect" "permanentRedirect")
  (#set! route.default_method "GET")
  (#set! framework "laravel"))

; The handler, the last argument: [UserController::class, 'show'] ...
((_
   name: (name) @_m
   arguments: (arguments
     (argument (array_creation_expression
       . (array_element_initializer
           (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class . (name) @_class))
       . (array_element_initializer (string (string_content) @route.handler_member))))
     .)) @route
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match")
  (#eq? @_class "class"))
; ... 'UserController@show' (under the controller namespace) ...
((_
   name: (name) @_m
   arguments: (arguments (argument (string (string_content) @route.handler_string)) .)) @route
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match")
  (#match? @route.handler_string "@")
  (#set! route.handler_split "@"))
; ... an invokable controller (its __invoke) ...
((_
   name: (name) @_m
   arguments: (arguments
     (argument (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class . (name) @_class))
     .)) @route
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match")
  (#eq? @_class "class")
  (#set! route.handler_member "__invoke"))
; ... a variable holding an invokable controller's class (a loop's:
; `$controller`, each `X::class` of the array) ...
((_
   name: (name) @_m
   arguments: (arguments (argument (variable_name (name) @route.handler_class)) .)) @route
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match")
  (#set! route.handler_member "__invoke"))
; ... or a closure.
((_
   name: (name) @_m
   arguments: (arguments (argument [(anonymous_function) (arrow_function)] @route.handler) .)) @route
  (#any-of? @_m "get" "post" "put" "patch" "delete" "options" "any" "match"))

; Route::controller(OrderController::class)->group(function () {
;     Route::get('/orders/{id}', 'show'); })
; : the group's controller with the route's method name.
((member_call_expression
   object: [(scoped_call_expression
              name: (name) @_c
              arguments: (arguments . (argument (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class))))
            (member_call_expression
              object: (scoped_call_expression
                name: (name) @_c
                arguments: (arguments . (argument (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class)))))]
   name: (name) @_g
   arguments: (arguments (argument (anonymous_function body: (compound_statement
     (expression_statement .
       [(scoped_call_expression
          arguments: (arguments (argument (string (string_content) @route.handler_member)) .)) @route
        (member_call_expression
          object: (scoped_call_expression
            arguments: (arguments (argument (string (string_content) @route.handler_member)) .)) @route)]))))))
  (#eq? @_c "controller")
  (#eq? @_g "group"))

; Route::resource('photos', PhotoController::class): the seven actions of a
; resource controller (update answers PUT and PATCH); apiResource without
; the HTML forms (create, edit); `photos.comments` nests under {photo};
; the parameter is the resource's singular ({{singular}}, @route.resource);
; ->only([...]) / ->except([...]) keep some; the handler may be a class
; name in a string (Laravel 5, under the group's namespace); a resource
; written as a path (`articles/{article}/comments`) is named after its last
; segment.
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_m
   arguments: (arguments
     . (argument (string) @route.path @route.resource)
     . (argument [(class_constant_access_expression . [(name) (qualified_name)] @route.handler)
                  (string (string_content) @route.handler)]))) @route
  (#eq? @_r "Route")
  (#eq? @_m "resource")
  (#set! route.nest_separator ".")
  (#set! route.actions "index=GET;create=GET create;store=POST;show=GET {{singular}};edit=GET {{singular}}/edit;update=PUT {{singular}};update=PATCH {{singular}};destroy=DELETE {{singular}}")
  (#set! framework "laravel"))
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_m
   arguments: (arguments
     . (argument (string) @route.path @route.resource)
     . (argument [(class_constant_access_expression . [(name) (qualified_name)] @route.handler)
                  (string (string_content) @route.handler)]))) @route
  (#eq? @_r "Route")
  (#eq? @_m "apiResource")
  (#set! route.nest_separator ".")
  (#set! route.actions "index=GET;store=POST;show=GET {{singular}};update=PUT {{singular}};update=PATCH {{singular}};destroy=DELETE {{singular}}")
  (#set! framework "laravel"))
; Laravel 5: Route::resource('photos', 'PhotoController', ['only' => [...]]).
((scoped_call_expression
   name: (name) @_m
   arguments: (arguments . (argument) . (argument)
     . (argument (array_creation_expression
         (array_element_initializer (string (string_content) @_o) (array_creation_expression) @route.only))))) @route
  (#any-of? @_m "resource" "apiResource")
  (#eq? @_o "only"))
((scoped_call_expression
   name: (name) @_m
   arguments: (arguments . (argument) . (argument)
     . (argument (array_creation_expression
         (array_element_initializer (string (string_content) @_o) (array_creation_expression) @route.except))))) @route
  (#any-of? @_m "resource" "apiResource")
  (#eq? @_o "except"))
((member_call_expression
   object: (scoped_call_expression name: (name) @_m) @route
   name: (name) @_o
   arguments: (arguments . (argument (array_creation_expression) @route.only)))
  (#any-of? @_m "resource" "apiResource")
  (#eq? @_o "only"))
((member_call_expression
   object: (scoped_call_expression name: (name) @_m) @route
   name: (name) @_o
   arguments: (arguments . (argument (array_creation_expression) @route.except)))
  (#any-of? @_m "resource" "apiResource")
  (#eq? @_o "except"))
; ->only('index', 'show') / ->except('update', 'destroy'): the actions as
; strings, one argument each.
((member_call_expression
   object: (scoped_call_expression name: (name) @_m) @route
   name: (name) @_o
   arguments: (arguments . (argument (string))) @route.only)
  (#any-of? @_m "resource" "apiResource")
  (#eq? @_o "only"))
((member_call_expression
   object: (scoped_call_expression name: (name) @_m) @route
   name: (name) @_o
   arguments: (arguments . (argument (string))) @route.except)
  (#any-of? @_m "resource" "apiResource")
  (#eq? @_o "except"))

; Groups: the closure's routes are an inline block, under the group's
; prefix and inside any enclosing group.
; Route::group(['prefix' => 'admin', 'middleware' => [...]], function () { ... })
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_g
   arguments: (arguments . (argument (array_creation_expression)) . (argument [(anonymous_function) (arrow_function)] @mount.child))) @mount
  (#eq? @_r "Route")
  (#eq? @_g "group")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "laravel"))
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_g
   arguments: (arguments
     . (argument (array_creation_expression
         (array_element_initializer (string (string_content) @_k) (string) @mount.prefix)))
     . (argument [(anonymous_function) (arrow_function)] @mount.child))) @mount
  (#eq? @_r "Route")
  (#eq? @_g "group")
  (#eq? @_k "prefix")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "laravel"))
; Route::prefix('admin')->middleware('auth')->name('admin.')->group(function () { ... }),
; controller()->group(...), middleware()->group(...): the prefix anywhere
; in the chain (up to four calls deep).
((member_call_expression
   name: (name) @_g
   arguments: (arguments . (argument [(anonymous_function) (arrow_function)] @mount.child))) @mount
  (#eq? @_g "group")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "laravel"))
((member_call_expression
   object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
            (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
            (member_call_expression object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
                                              (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))])
            (member_call_expression object: (member_call_expression object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
                                                                              (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))]))
            (member_call_expression object: (member_call_expression object: (member_call_expression object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
                                                                                                              (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))])))]
   name: (name) @_g
   arguments: (arguments . (argument [(anonymous_function) (arrow_function)] @mount.child))) @mount
  (#eq? @_g "group")
  (#eq? @_p "prefix")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "laravel"))

; Middleware classes of a group run before each of its routes: hooks of the
; group's block (the mount is the closure itself, so its block is the parent).
; Route::middleware([Auth::class, 'throttle'])->group(function () { ... })
((member_call_expression
   object: [(scoped_call_expression name: (name) @_mw arguments: (arguments . (argument [(class_constant_access_expression . [(name) (qualified_name)] @mount.child)
                                                                                              (array_creation_expression (array_element_initializer (class_constant_access_expression . [(name) (qualified_name)] @mount.child)))])))
            (member_call_expression name: (name) @_mw arguments: (arguments . (argument [(class_constant_access_expression . [(name) (qualified_name)] @mount.child)
                                                                                              (array_creation_expression (array_element_initializer (class_constant_access_expression . [(name) (qualified_name)] @mount.child)))])))
            (member_call_expression object: [(scoped_call_expression name: (name) @_mw arguments: (arguments . (argument [(class_constant_access_expression . [(name) (qualified_name)] @mount.child)
                                                                                                                            (array_creation_expression (array_element_initializer (class_constant_access_expression . [(name) (qualified_name)] @mount.child)))])))
                                              (member_call_expression name: (name) @_mw arguments: (arguments . (argument [(class_constant_access_expression . [(name) (qualified_name)] @mount.child)
                                                                                                                            (array_creation_expression (array_element_initializer (class_constant_access_expression . [(name) (qualified_name)] @mount.child)))])))])]
   name: (name) @_g
   arguments: (arguments . (argument [(anonymous_function) (arrow_function)] @mount)))
  (#eq? @_g "group")
  (#eq? @_mw "middleware")
  (#set! mount.parent_module))
; Route::group(['middleware' => [Auth::class]], function () { ... })
((scoped_call_expression
   scope: (name) @_r
   name: (name) @_g
   arguments: (arguments
     . (argument (array_creation_expression
         (array_element_initializer
           (string (string_content) @_k)
           [(class_constant_access_expression . [(name) (qualified_name)] @mount.child)
            (array_creation_expression (array_element_initializer (class_constant_access_expression . [(name) (qualified_name)] @mount.child)))])))
     . (argument [(anonymous_function) (arrow_function)] @mount)))
  (#eq? @_r "Route")
  (#eq? @_g "group")
  (#eq? @_k "middleware")
  (#set! mount.parent_module))

; The HTTP kernel's global middleware (Laravel ≤ 10, app/Http/Kernel.php):
; `protected $middleware = [SetupCheck::class, ...]` runs before every route
; of the application (its groups and aliases are not resolved).
((class_declaration
   (base_clause [(name) (qualified_name)] @_base)
   body: (declaration_list
     (property_declaration
       (property_element
         name: (variable_name (name) @_p)
         default_value: (array_creation_expression
           (array_element_initializer
             (class_constant_access_expression . [(name) (qualified_name)] @mount.child))))) @mount))
  (#match? @_base "(^HttpKernel|Http\\\\Kernel)$")
  (#eq? @_p "middleware")
  (#set! framework "laravel"))

; The route files, loaded by the route service provider (Laravel ≤ 10):
; Route::middleware('api')->prefix('api')->group(base_path('routes/api.php'));
((member_call_expression
   name: (name) @_g
   arguments: (arguments . (argument (function_call_expression
     function: (name) @_bp
     arguments: (arguments . (argument (string (string_content) @mount.child))))))) @mount
  (#eq? @_g "group")
  (#eq? @_bp "base_path")
  (#set! framework "laravel"))
((member_call_expression
   object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
            (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
            (member_call_expression object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
                                              (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))])
            (member_call_expression object: (member_call_expression object: [(scoped_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))
                                                                              (member_call_expression name: (name) @_p arguments: (arguments . (argument (string) @mount.prefix)))]))]
   name: (name) @_g
   arguments: (arguments . (argument (function_call_expression
     function: (name) @_bp
     arguments: (arguments . (argument (string (string_content) @mount.child))))))) @mount
  (#eq? @_g "group")
  (#eq? @_p "prefix")
  (#eq? @_bp "base_path")
  (#set! framework "laravel"))
; Laravel 11+: bootstrap/app.php ->withRouting(api: __DIR__.'/../routes/api.php',
; apiPrefix: 'api/v1'): `api` unless apiPrefix says otherwise.
((arguments
   (argument name: (name) @_api
     [(binary_expression right: (string (string_content) @mount.child))
      (string (string_content) @mount.child)])) @mount
  (#eq? @_api "api")
  (#set! mount.default_prefix "api")
  (#set! framework "laravel"))
((arguments
   (argument name: (name) @_api
     [(binary_expression right: (string (string_content) @mount.child))
      (string (string_content) @mount.child)])
   (argument name: (name) @_prefix (string) @mount.prefix)) @mount
  (#eq? @_api "api")
  (#eq? @_prefix "apiPrefix")
  (#set! framework "laravel"))
((arguments
   (argument name: (name) @_prefix (string) @mount.prefix)
   (argument name: (name) @_api
     [(binary_expression right: (string (string_content) @mount.child))
      (string (string_content) @mount.child)])) @mount
  (#eq? @_api "api")
  (#eq? @_prefix "apiPrefix")
  (#set! framework "laravel"))

; ---- Slim ------------------------------------------------------------------
; $app = AppFactory::create(); $app = new \Slim\App(...): the app is a router.
((assignment_expression
   left: (variable_name) @router.name
   right: (scoped_call_expression scope: [(name) (qualified_name)] @_f name: (name) @_c)) @router
  (#match? @_f "(AppFactory|Bridge)$")
  (#eq? @_c "create")
  (#set! framework "slim"))
((assignment_expression
   left: (variable_name) @router.name
   right: (object_creation_expression [(name) (qualified_name)] @_app)) @router
  (#match? @_app "Slim\\\\App$")
  (#set! framework "slim"))
; $app->get('/x', handler), $group->post(...), $this->get(...) in a Slim 3
; group: a closure, an invokable class, [Class::class, 'method'] or
; 'Class:method'.
((member_call_expression
   object: (variable_name) @route.router
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path) . (argument [(anonymous_function) (arrow_function)] @route.handler) .)) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#set! framework "slim"))
((member_call_expression
   object: (variable_name) @route.router
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path)
     . (argument (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class . (name) @_class)) .)) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#eq? @_class "class")
  (#set! route.handler_member "__invoke")
  (#set! framework "slim"))
((member_call_expression
   object: (variable_name) @route.router
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path)
     . (argument (array_creation_expression
         . (array_element_initializer (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class . (name) @_class))
         . (array_element_initializer (string (string_content) @route.handler_member)))) .)) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#eq? @_class "class")
  (#set! framework "slim"))
((member_call_expression
   object: (variable_name) @route.router
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path)
     . (argument (string (string_content) @route.handler_string)) .)) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#match? @route.handler_string "^[A-Za-z_\\\\]+:[A-Za-z_]+$")
  (#set! route.handler_split ":")
  (#set! framework "slim"))
; Slim 3: UserController::class . ':show'.
((member_call_expression
   object: (variable_name) @route.router
   name: (name) @route.method
   arguments: (arguments . (argument (string) @route.path)
     . (argument (binary_expression
         left: (class_constant_access_expression . [(name) (qualified_name)] @route.handler_class . (name) @_class)
         right: (string (string_content) @route.handler_member))) .)) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "any")
  (#eq? @_class "class")
  (#match? @route.handler_member "^:[A-Za-z_]+$")
  (#set! route.handler_split ":")
  (#set! framework "slim"))
; $app->map(['GET', 'POST'], '/x', handler)
((member_call_expression
   object: (variable_name) @route.router
   name: (name) @_m
   arguments: (arguments . (argument (array_creation_expression) @route.method) . (argument (string) @route.path)
     . (argument [(anonymous_function) (arrow_function)] @route.handler) .)) @route
  (#eq? @_m "map")
  (#set! framework "slim"))
; $app->group('/api', function (RouteCollectorProxy $group) { ... })
((member_call_expression
   object: (variable_name)
   name: (name) @_g
   arguments: (arguments . (argument (string) @mount.prefix) . (argument [(anonymous_function) (arrow_function)] @mount.child))) @mount
  (#eq? @_g "group")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "slim"))

; ---- Symfony: #[Route] attributes ------------------------------------------
; A class with #[Route('/blog')] is a router with that prefix; its methods'
; #[Route('/{slug}', methods: ['GET'])] are routes on it (no methods: any).
((class_declaration
   attributes: (attribute_list (attribute_group (attribute [(name) (qualified_name)] @_r
     parameters: (arguments . (argument (string) @router.prefix)))))
   name: (name) @router.name) @router
  (#match? @_r "Route$")
  (#set! framework "symfony"))
((class_declaration
   attributes: (attribute_list (attribute_group (attribute [(name) (qualified_name)] @_r
     parameters: (arguments (argument name: (name) @_k (string) @router.prefix)))))
   name: (name) @router.name) @router
  (#match? @_r "Route$")
  (#eq? @_k "path")
  (#set! framework "symfony"))
((class_declaration
   name: (name) @router.name
   body: (declaration_list (method_declaration attributes: (attribute_list (attribute_group (attribute [(name) (qualified_name)] @_r)))))) @router
  (#match? @_r "Route$")
  (#set! framework "symfony"))
((method_declaration
   attributes: (attribute_list (attribute_group (attribute [(name) (qualified_name)] @_r
     parameters: (arguments . (argument (string) @route.path)))))
   name: (name) @route.handler) @route
  (#match? @_r "Route$")
  (#set! route.class_router)
  (#set! route.default_method "ANY")
  (#set! framework "symfony"))
((method_declaration
   attributes: (attribute_list (attribute_group (attribute [(name) (qualified_name)] @_r
     parameters: (arguments (argument name: (name) @_k (string) @route.path)))))
   name: (name) @route.handler) @route
  (#match? @_r "Route$")
  (#eq? @_k "path")
  (#set! route.class_router)
  (#set! route.default_method "ANY")
  (#set! framework "symfony"))
((method_declaration
   attributes: (attribute_list (attribute_group (attribute [(name) (qualified_name)] @_r
     parameters: (arguments (argument name: (name) @_k [(array_creation_expression) (string)] @route.method)))))) @route
  (#match? @_r "Route$")
  (#eq? @_k "methods"))
; $app->add(new RateLimit()), $app->add(RateLimit::class), addMiddleware:
; middleware of every route of the app.
((member_call_expression
   object: (variable_name) @_app
   name: (name) @_add
   arguments: (arguments . (argument [(object_creation_expression [(name) (qualified_name)] @mount.child)
                                      (class_constant_access_expression . [(name) (qualified_name)] @mount.child)]) .)) @mount
  (#eq? @_app "$app")
  (#any-of? @_add "add" "addMiddleware")
  (#set! framework "slim"))
; $app->add('\App\Auth'): a class named by a string (Slim 3), a name with a
; namespace separator, as its class constant would name it.
((member_call_expression
   object: (variable_name) @_app
   name: (name) @_add
   arguments: (arguments . (argument (string (string_content) @mount.child)) .)) @mount
  (#eq? @_app "$app")
  (#any-of? @_add "add" "addMiddleware")
  (#match? @mount.child "^(\\\\{1,2})?[A-Za-z_][A-Za-z0-9_]*(\\\\{1,2}[A-Za-z_][A-Za-z0-9_]*)+$")
  (#set! mount.class_string)
  (#set! framework "slim"))

; $app->group('/api', function () { ... })->add(Auth::class), ->add(new Auth()):
; middleware of each route of the group, hooks of its block.
((member_call_expression
   object: (member_call_expression
     object: (variable_name)
     name: (name) @_g
     arguments: (arguments . (argument (string)) . (argument [(anonymous_function) (arrow_function)] @mount)))
   name: (name) @_add
   arguments: (arguments . (argument [(object_creation_expression [(name) (qualified_name)] @mount.child)
                                      (class_constant_access_expression . [(name) (qualified_name)] @mount.child)]) .))
  (#eq? @_g "group")
  (#any-of? @_add "add" "addMiddleware")
  (#set! mount.parent_module)
  (#set! framework "slim"))
; ->add('\App\Auth'): the same, a class named by a string (Slim 3).
((member_call_expression
   object: (member_call_expression
     object: (variable_name)
     name: (name) @_g
     arguments: (arguments . (argument (string)) . (argument [(anonymous_function) (arrow_function)] @mount)))
   name: (name) @_add
   arguments: (arguments . (argument (string (string_content) @mount.child)) .))
  (#eq? @_g "group")
  (#any-of? @_add "add" "addMiddleware")
  (#match? @mount.child "^(\\\\{1,2})?[A-Za-z_][A-Za-z0-9_]*(\\\\{1,2}[A-Za-z_][A-Za-z0-9_]*)+$")
  (#set! mount.class_string)
  (#set! mount.parent_module)
  (#set! framework "slim"))

; ---- Plain PHP scripts -------------------------------------------------------
; A .php file that answers a request itself (echo, print, HTML or response
; headers at its top level, request superglobals read there) is a route at its path from the root
; (`/contact.php`), served by its top-level code (defs.scm), unless another
; file includes it (a header, a library). Any method.
((program (echo_statement)) @route @route.handler
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
((program (text_interpolation (text) @_t)) @route @route.handler
  (#match? @_t "[^ \t\r\n]")
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
; `print $json;`, or a response sent through headers (`header(...)`,
; `readfile($f)`, `fpassthru($fp)`, `http_response_code(500)`) at the top level.
((program (expression_statement . (print_intrinsic))) @route @route.handler
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
((program (expression_statement . (function_call_expression function: (name) @_f))) @route @route.handler
  (#any-of? @_f "header" "readfile" "fpassthru" "http_response_code")
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
; A page that includes the app's page bootstrap and calls into it at its
; top level (`require_once 'includes/page.inc.php'; pageStartup();
; renderPage($page);`), whatever it prints through it; not a framework's
; front controller (`route.fs_page`, link/routes.rs).
((program
   (expression_statement . [(require_expression) (require_once_expression) (include_expression) (include_once_expression)])
   (expression_statement . (function_call_expression function: (name))))
  @route @route.handler
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.fs_page)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
((program (expression_statement . (_ (variable_name (name) @_v)))) @route @route.handler
  (#any-of? @_v "_GET" "_POST" "_REQUEST" "_FILES" "_COOKIE")
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
((program (expression_statement . (_ (_ (variable_name (name) @_v))))) @route @route.handler
  (#any-of? @_v "_GET" "_POST" "_REQUEST" "_FILES" "_COOKIE")
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))
((program (expression_statement . (_ (_ (_ (variable_name (name) @_v)))))) @route @route.handler
  (#any-of? @_v "_GET" "_POST" "_REQUEST" "_FILES" "_COOKIE")
  (#set! route.fs_dir "")
  (#set! route.fs_suffix "")
  (#set! route.fs_unless_imported)
  (#set! route.default_method "ANY")
  (#set! framework "php"))

; Routes, routers and mounts for Flask, FastAPI, Django/DRF, Flask-SocketIO.
; Captures: @route (declaration), @route.path, @route.method (verbs, a list of
; them, or a word like `route` that means the default), @route.handler,
; @route.router, @route.event (a socket event: the route is the socket's
; endpoint, `route.endpoint`, and the events are its handlers);
; @router.name/@router.prefix; @mount, @mount.parent, @mount.child,
; @mount.prefix. Properties: framework (candidates separated by |),
; route.default_method, route.regex, route.actions, route.endpoint,
; router.strip_trailing_slash, mount.*.

; ---- Flask / FastAPI decorators: @app.get('/x'), @bp.route('/x', methods=[...])
; Each decorator is its own route: stacked `@bp.route` lines give several.
(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @route.router attribute: (identifier) @route.method)
      arguments: (argument_list . (string) @route.path))) @route
  definition: (function_definition name: (identifier) @route.handler)
  (#any-of? @route.method "route" "get" "post" "put" "patch" "delete" "head" "options" "api_route" "websocket")
  (#set! framework "flask|fastapi")
  (#set! route.default_method "GET"))

; flask-restx / flask-restplus: @ns.route('/p') (or @api.route) on a
; `class X(Resource)`: one route per HTTP method the class defines; several
; paths in one decorator (`@ns.route('/a', '/b')`) give one route each.
(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @route.router attribute: (identifier) @route.method)
      arguments: (argument_list . (string)) @route.paths)) @route
  definition: (class_definition name: (identifier) @route.handler)
  (#eq? @route.method "route")
  (#set! framework "flask-restx")
  (#set! route.default_method "GET"))

; flask-restful / flask-restx: api.add_resource(Todo, '/todos/<id>', '/todo'):
; each path serves the class's methods.
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list . [(identifier) (attribute)] @route.handler . (string)) @route.paths
  (#eq? @_a "add_resource")
  (#set! framework "flask-restful|flask-restx")
  (#set! route.default_method "GET")) @route

; Methods given as a keyword: merged into the route declared by the same node.
(decorator
  (call
    arguments: (argument_list
      (keyword_argument name: (identifier) @_k value: [(list) (tuple)] @route.method)))
  (#eq? @_k "methods")) @route

(call
  arguments: (argument_list
    (keyword_argument name: (identifier) @_k value: [(list) (tuple)] @route.method))
  (#eq? @_k "methods")) @route

; app.add_url_rule('/legacy', view_func=legacy_view); a rule without view_func is no route.
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list
    . (string) @route.path
    (keyword_argument name: (identifier) @_k value: [(identifier) (attribute)] @route.handler))
  (#eq? @_a "add_url_rule")
  (#eq? @_k "view_func")
  (#set! framework "flask")
  (#set! route.default_method "GET")) @route

; app.add_url_rule('/' + name, view_func=v): a path joined from text and names;
; app.add_url_rule(path, view_func=view) in a loop whose variables take paths
; (and views), and nowhere else.
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list
    . (binary_operator) @route.path_expr
    (keyword_argument name: (identifier) @_k value: [(identifier) (attribute)] @route.handler))
  (#eq? @_a "add_url_rule")
  (#eq? @_k "view_func")
  (#set! framework "flask")
  (#set! route.default_method "GET")) @route
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list
    . (identifier) @route.path_expr
    (keyword_argument name: (identifier) @_k value: [(identifier) (attribute)] @route.handler))
  (#eq? @_a "add_url_rule")
  (#eq? @_k "view_func")
  (#set! framework "flask")
  (#set! route.default_method "GET")
  (#set! route.loop_only)) @route

; app.add_url_rule('/x', 'endpoint', view): the view as the third positional
; argument (Flask's signature is rule, endpoint, view_func), a name or a
; class's as_view(...).
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list
    . (string) @route.path
    . (_)
    . [(identifier) (attribute)] @route.handler)
  (#eq? @_a "add_url_rule")
  (#set! framework "flask")
  (#set! route.default_method "GET")) @route
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list
    . (string) @route.path
    . (_)
    . (call function: (attribute object: (_) @route.handler attribute: (identifier) @_as)))
  (#eq? @_a "add_url_rule")
  (#eq? @_as "as_view")
  (#set! framework "flask")
  (#set! route.default_method "GET")) @route

; Loops over a literal list, tuple or dict (`.items()`), or a variable bound
; to one: their variables take each element's values, for the routes
; declared inside.
(for_statement
  left: [(identifier) @loop.name (pattern_list . (identifier) @loop.name . (identifier) @loop.name .) (tuple_pattern . (identifier) @loop.name . (identifier) @loop.name .)]
  right: [(list) (tuple) (identifier)] @loop.values) @loop
(for_statement
  left: [(pattern_list . (identifier) @loop.name . (identifier) @loop.name .) (tuple_pattern . (identifier) @loop.name . (identifier) @loop.name .)]
  right: (call function: (attribute object: [(dictionary) (identifier)] @loop.values attribute: (identifier) @_i))
  (#eq? @_i "items")) @loop

; bp.add_url_rule('/items', view_func=ItemAPI.as_view('items'))
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @_a)
  arguments: (argument_list
    . (string) @route.path
    (keyword_argument
      name: (identifier) @_k
      value: (call function: (attribute object: (_) @route.handler attribute: (identifier) @_as))))
  (#eq? @_a "add_url_rule")
  (#eq? @_k "view_func")
  (#eq? @_as "as_view")
  (#set! framework "flask")
  (#set! route.default_method "GET")) @route

; Socket.IO events (Flask-SocketIO, python-socketio) are not HTTP routes: every
; event is a handler of the one socket endpoint, `WS /socket.io/`.
; @socketio.on('message'), @sio.on('connect', namespace='/chat')
(decorated_definition
  (decorator
    (call
      function: (attribute object: (_) @route.router attribute: (identifier) @route.method)
      arguments: (argument_list . (string) @route.event))) @route
  definition: (function_definition name: (identifier) @route.handler)
  (#eq? @route.method "on")
  (#set! framework "flask-socketio|python-socketio")
  (#set! route.endpoint "/socket.io/")
  (#set! route.default_method "WS"))

; @sio.event: the function's name is the event.
(decorated_definition
  (decorator
    (attribute object: (_) @route.router attribute: (identifier) @route.method)) @route
  definition: (function_definition name: (identifier) @route.handler @route.event)
  (#eq? @route.method "event")
  (#set! framework "flask-socketio|python-socketio")
  (#set! route.endpoint "/socket.io/")
  (#set! route.default_method "WS"))

; socketio.on_event('message', handle_message), sio.on('message', handle_message)
(call
  function: (attribute object: (_) @route.router attribute: (identifier) @route.method)
  arguments: (argument_list . (string) @route.event . [(identifier) (attribute)] @route.handler)
  (#any-of? @route.method "on_event" "on")
  (#set! framework "flask-socketio|python-socketio")
  (#set! route.endpoint "/socket.io/")
  (#set! route.default_method "WS")) @route

; ---- Routers and apps
(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^(flask\\.)?Flask$")
  (#set! framework "flask")) @router

(assignment
  left: (identifier) @router.name
  right: (call
    function: [(identifier) (attribute)] @_c
    arguments: (argument_list (keyword_argument name: (identifier) @_k value: [(string) (identifier) (attribute)] @router.prefix)))
  (#match? @_c "^(flask\\.)?Blueprint$")
  (#eq? @_k "url_prefix")
  (#set! framework "flask")) @router

(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^(flask\\.)?Blueprint$")
  (#set! framework "flask")) @router

(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^(fastapi\\.)?(FastAPI|APIRouter)$")
  (#set! framework "fastapi")) @router

(assignment
  left: (identifier) @router.name
  right: (call
    function: [(identifier) (attribute)] @_c
    arguments: (argument_list (keyword_argument name: (identifier) @_k value: [(string) (identifier) (attribute)] @router.prefix)))
  (#match? @_c "^(fastapi\\.)?(FastAPI|APIRouter)$")
  (#eq? @_k "prefix")
  (#set! framework "fastapi")) @router

(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^(flask_socketio\\.)?SocketIO$")
  (#set! framework "flask-socketio")) @router

(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^socketio\\.(Async)?Server$")
  (#set! framework "python-socketio")) @router

(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^(routers\\.)?(DefaultRouter|SimpleRouter|WagtailAPIRouter)$")
  (#set! framework "django")) @router

; DefaultRouter(trailing_slash=False): its paths end without a `/`.
(assignment
  left: (identifier) @router.name
  right: (call
    function: [(identifier) (attribute)] @_c
    arguments: (argument_list (keyword_argument name: (identifier) @_k value: (false))))
  (#match? @_c "^(routers\\.)?(DefaultRouter|SimpleRouter)$")
  (#eq? @_k "trailing_slash")
  (#set! framework "django")
  (#set! router.strip_trailing_slash)) @router

; flask-restx: ns = Namespace('todos') serves its routes under `/todos`
; unless `add_namespace` gives a path; ns = api.namespace('todos') is that
; namespace added to `api`.
(assignment
  left: (identifier) @router.name
  right: (call
    function: [(identifier) (attribute)] @_c
    arguments: (argument_list . (string) @router.prefix))
  (#match? @_c "^(flask_restx\\.|flask_restplus\\.)?Namespace$")
  (#set! framework "flask-restx")) @router

(assignment
  left: (identifier) @router.name
  right: (call
    function: (attribute attribute: (identifier) @_n)
    arguments: (argument_list . (string) @router.prefix))
  (#eq? @_n "namespace")
  (#set! framework "flask-restx")) @router

(assignment
  left: (identifier) @mount.child
  right: (call
    function: (attribute object: (identifier) @mount.parent attribute: (identifier) @_n)
    arguments: (argument_list . (string)))
  (#eq? @_n "namespace")) @mount

; flask-restx / flask-restful: api = Api(app_or_blueprint, prefix='/v1'): the
; Api's routes sit under the blueprint's url_prefix (and its own prefix).
(assignment
  left: (identifier) @router.name
  right: (call function: [(identifier) (attribute)] @_c)
  (#match? @_c "^(flask_restx\\.|flask_restful\\.|flask_restplus\\.)?Api$")
  (#set! framework "flask-restx|flask-restful")) @router

(assignment
  left: (identifier) @router.name
  right: (call
    function: [(identifier) (attribute)] @_c
    arguments: (argument_list (keyword_argument name: (identifier) @_k value: [(string) (identifier) (attribute)] @router.prefix)))
  (#match? @_c "^(flask_restx\\.|flask_restful\\.|flask_restplus\\.)?Api$")
  (#eq? @_k "prefix")
  (#set! framework "flask-restx|flask-restful")) @router

(assignment
  left: (identifier) @mount.child
  right: (call
    function: [(identifier) (attribute)] @_c
    arguments: (argument_list . [(identifier) (attribute)] @mount.parent))
  (#match? @_c "^(flask_restx\\.|flask_restful\\.|flask_restplus\\.)?Api$")) @mount

; ---- Mounts: app.register_blueprint(bp, url_prefix='/api') replaces the
; blueprint's own prefix; include_router(r, prefix='/v1') adds to it.
(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list
    . [(identifier) (attribute)] @mount.child
    (keyword_argument name: (identifier) @_k value: [(string) (identifier) (attribute) (call) (subscript) (boolean_operator)] @mount.prefix))
  (#eq? @_r "register_blueprint")
  (#eq? @_k "url_prefix")
  (#set! mount.replaces_prefix)) @mount

(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list . [(identifier) (attribute)] @mount.child)
  (#eq? @_r "register_blueprint")) @mount

(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list
    . [(identifier) (attribute)] @mount.child
    (keyword_argument name: (identifier) @_k value: [(string) (identifier) (attribute) (call) (subscript) (boolean_operator)] @mount.prefix))
  (#eq? @_r "include_router")
  (#eq? @_k "prefix")) @mount

(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list . [(identifier) (attribute)] @mount.child)
  (#eq? @_r "include_router")) @mount

; flask-restx: api.add_namespace(ns, '/todos') (or path='/todos') replaces
; the namespace's own path; without one the namespace keeps it.
(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list
    . [(identifier) (attribute)] @mount.child
    . [(string) (identifier) (attribute)] @mount.prefix)
  (#eq? @_r "add_namespace")
  (#set! mount.replaces_prefix)) @mount

(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list
    . [(identifier) (attribute)] @mount.child
    (keyword_argument name: (identifier) @_k value: [(string) (identifier) (attribute)] @mount.prefix))
  (#eq? @_r "add_namespace")
  (#eq? @_k "path")
  (#set! mount.replaces_prefix)) @mount

(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_r)
  arguments: (argument_list . [(identifier) (attribute)] @mount.child)
  (#eq? @_r "add_namespace")) @mount

; Hooks that run around every request of an app or blueprint (the first
; request's hooks run on whichever route a fresh instance serves first).
(decorated_definition
  (decorator (attribute object: (_) @mount.parent attribute: (identifier) @_h))
  definition: (function_definition name: (identifier) @mount.child)
  (#any-of? @_h "before_request" "before_first_request" "after_request" "teardown_request")) @mount

(decorated_definition
  (decorator (attribute attribute: (identifier) @_h))
  definition: (function_definition name: (identifier) @mount.child)
  (#any-of? @_h "before_app_request" "before_app_first_request" "after_app_request" "teardown_app_request")) @mount

(call
  function: (attribute object: (_) @mount.parent attribute: (identifier) @_h)
  arguments: (argument_list . [(identifier) (attribute)] @mount.child)
  (#any-of? @_h "before_request" "before_first_request" "after_request" "teardown_request")) @mount

; ---- Django URL confs: path('x/', views.fn), re_path(r'^x$', View.as_view())
(call
  function: (identifier) @_f
  arguments: (argument_list . (string) @route.path . [(identifier) (attribute)] @route.handler)
  (#eq? @_f "path")
  (#not-match? @route.handler "\\.urls$")
  (#set! framework "django")
  (#set! route.requires_import "django")) @route

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @route.path
    . (call function: (attribute object: (_) @route.handler attribute: (identifier) @_as)))
  (#eq? @_f "path")
  (#eq? @_as "as_view")
  (#set! framework "django")
  (#set! route.requires_import "django")) @route

(call
  function: (identifier) @_f
  arguments: (argument_list . (string) @route.path . [(identifier) (attribute)] @route.handler)
  (#any-of? @_f "re_path" "url")
  (#not-match? @route.handler "\\.urls$")
  (#set! framework "django")
  (#set! route.regex)
  (#set! route.requires_import "django")) @route

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @route.path
    . (call function: (attribute object: (_) @route.handler attribute: (identifier) @_as)))
  (#any-of? @_f "re_path" "url")
  (#eq? @_as "as_view")
  (#set! framework "django")
  (#set! route.regex)
  (#set! route.requires_import "django")) @route

; DRF routers: router.register(r'products', ProductViewSet)
(call
  function: (attribute object: (identifier) @route.router attribute: (identifier) @_r)
  arguments: (argument_list . (string) @route.path . [(identifier) (attribute)] @route.handler)
  (#eq? @_r "register")
  (#set! framework "django")
  (#set! route.actions "list=GET /;create=POST /;retrieve=GET <pk>/;update=PUT <pk>/;partial_update=PATCH <pk>/;destroy=DELETE <pk>/")) @route

; Wagtail's API router: api_router.register_endpoint('pages', PagesAPIViewSet)
(call
  function: (attribute object: (identifier) @route.router attribute: (identifier) @_r)
  arguments: (argument_list . (string) @route.path . [(identifier) (attribute)] @route.handler)
  (#eq? @_r "register_endpoint")
  (#set! framework "django")
  (#set! route.actions "listing_view=GET /;detail_view=GET <pk>/;find_view=GET find/")) @route

; include('shop.urls'), include(('shop.urls', 'shop')), include(router.urls),
; include([...]), include(([...], 'app')), include(patterns) under a prefix;
; path('api/', router.urls) and path('admin/', admin.site.urls) without include.
(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . (call
        function: (identifier) @_i
        arguments: (argument_list . [(string) @mount.child (tuple . (string) @mount.child)])))
  (#eq? @_f "path")
  (#eq? @_i "include")
  (#set! mount.parent_module)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . (call
        function: (identifier) @_i
        arguments: (argument_list . [(string) @mount.child (tuple . (string) @mount.child)])))
  (#any-of? @_f "re_path" "url")
  (#eq? @_i "include")
  (#set! mount.parent_module)
  (#set! mount.regex)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . [(call
         function: (identifier) @_i
         arguments: (argument_list . (attribute object: (_) @mount.child attribute: (identifier) @_u)))
       (attribute object: (_) @mount.child attribute: (identifier) @_u)])
  (#eq? @_f "path")
  (#eq? @_u "urls")
  (#set! mount.parent_module)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . [(call
         function: (identifier) @_i
         arguments: (argument_list . (attribute object: (_) @mount.child attribute: (identifier) @_u)))
       (attribute object: (_) @mount.child attribute: (identifier) @_u)])
  (#any-of? @_f "re_path" "url")
  (#eq? @_u "urls")
  (#set! mount.parent_module)
  (#set! mount.regex)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . (call
        function: (identifier) @_i
        arguments: (argument_list . [(list) @mount.child (tuple . (list) @mount.child)])))
  (#eq? @_f "path")
  (#eq? @_i "include")
  (#set! mount.parent_module)
  (#set! mount.inline)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . (call
        function: (identifier) @_i
        arguments: (argument_list . [(list) @mount.child (tuple . (list) @mount.child)])))
  (#any-of? @_f "re_path" "url")
  (#eq? @_i "include")
  (#set! mount.parent_module)
  (#set! mount.inline)
  (#set! mount.regex)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . (call
        function: (identifier) @_i
        arguments: (argument_list
          . [[(identifier) (attribute)] @mount.child
             (tuple . [(identifier) (attribute)] @mount.child)])))
  (#eq? @_f "path")
  (#eq? @_i "include")
  (#not-match? @mount.child "\\.urls$")
  (#set! mount.parent_module)) @mount

(call
  function: (identifier) @_f
  arguments: (argument_list
    . (string) @mount.prefix
    . (call
        function: (identifier) @_i
        arguments: (argument_list
          . [[(identifier) (attribute)] @mount.child
             (tuple . [(identifier) (attribute)] @mount.child)])))
  (#any-of? @_f "re_path" "url")
  (#eq? @_i "include")
  (#not-match? @mount.child "\\.urls$")
  (#set! mount.parent_module)
  (#set! mount.regex)) @mount

; settings.MIDDLEWARE: each class runs before every Django view.
(assignment
  left: (identifier) @_m
  right: (list (string) @mount.child @mount)
  (#eq? @_m "MIDDLEWARE"))

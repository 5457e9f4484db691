; Routes, routers and mounts for Express, Koa (@koa/router), Fastify and
; Next.js. Captures and properties as in grammars/python/routes.scm.

; app.get('/x', mw, handler), router.post(...), fastify.get(...). Every
; argument after the path (@route.args) is a handler; the last is the route's,
; the ones before it are middleware; option objects are skipped.
(call_expression
  function: (member_expression object: (_) @route.router property: (property_identifier) @route.method)
  arguments: (arguments . [(string) (template_string)] @route.path) @route.args
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "del" "all" "head" "options")
  (#match? @route.path "^['\"`](/|\\*)")
  (#set! framework "express|koa|fastify")
  (#set! route.strip_trailing_slash)) @route

; app.get(['/a', '/b'], handler): one route per path.
(call_expression
  function: (member_expression object: (_) @route.router property: (property_identifier) @route.method)
  arguments: (arguments . (array (string)) @route.paths) @route.args
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "del" "all" "head" "options")
  (#set! framework "express|koa|fastify")
  (#set! route.strip_trailing_slash)) @route

; app.get('/items/' + name, h): a path joined from text and names (constants,
; or a loop's variable).
(call_expression
  function: (member_expression object: (_) @route.router property: (property_identifier) @route.method)
  arguments: (arguments . (binary_expression left: (_) @_l) @route.path_expr) @route.args
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "del" "all" "head" "options")
  (#match? @_l "^['\"`]/")
  (#set! framework "express|koa|fastify")
  (#set! route.strip_trailing_slash)) @route

; app.get(path, h) in a loop whose variable `path` takes literal paths; no
; route anywhere else (`cache.get(key, cb)`).
(call_expression
  function: (member_expression object: (_) @route.router property: (property_identifier) @route.method)
  arguments: (arguments . (identifier) @route.path_expr . (_)) @route.args
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "del" "all" "head" "options")
  (#set! framework "express|koa|fastify")
  (#set! route.strip_trailing_slash)
  (#set! route.loop_only)) @route

; Loops over a literal list or map, or a variable bound to one: their
; variables take each element's values, for the routes declared inside
; (`for (const name of ['a', 'b'])`, `for (const [path, h] of
; Object.entries({…}))`, `[…].forEach((name) => …)`, `FEEDS.forEach(…)`).
(for_in_statement
  left: [(identifier) @loop.name (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)]
  right: [(array) (identifier)] @loop.values) @loop
(for_in_statement
  left: (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)
  right: (call_expression
    function: (member_expression object: (identifier) @_o property: (property_identifier) @_e)
    arguments: (arguments . [(object) (identifier)] @loop.values .))
  (#eq? @_o "Object")
  (#eq? @_e "entries")) @loop
(call_expression
  function: (member_expression object: [(array) (identifier)] @loop.values property: (property_identifier) @_f)
  arguments: (arguments . (arrow_function parameter: (identifier) @loop.name))
  (#eq? @_f "forEach")) @loop
; (`forEach` with parenthesised parameters: grammars/javascript and
; grammars/typescript, whose parameter lists differ.)

; router.route('/x').get(h).post(h2): one, two or three chained verbs.
(call_expression
  function: (member_expression
    object: (call_expression
      function: (member_expression object: (_) @route.router property: (property_identifier) @_r)
      arguments: (arguments . (string) @route.path))
    property: (property_identifier) @route.method)
  arguments: (arguments) @route.args
  (#eq? @_r "route")
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "all" "head" "options")
  (#set! framework "express")
  (#set! route.strip_trailing_slash)) @route
(call_expression
  function: (member_expression
    object: (call_expression
      function: (member_expression
        object: (call_expression
          function: (member_expression object: (_) @route.router property: (property_identifier) @_r)
          arguments: (arguments . (string) @route.path))))
    property: (property_identifier) @route.method)
  arguments: (arguments) @route.args
  (#eq? @_r "route")
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "all" "head" "options")
  (#set! framework "express")
  (#set! route.strip_trailing_slash)) @route
(call_expression
  function: (member_expression
    object: (call_expression
      function: (member_expression
        object: (call_expression
          function: (member_expression
            object: (call_expression
              function: (member_expression object: (_) @route.router property: (property_identifier) @_r)
              arguments: (arguments . (string) @route.path))))))
    property: (property_identifier) @route.method)
  arguments: (arguments) @route.args
  (#eq? @_r "route")
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "all" "head" "options")
  (#set! framework "express")
  (#set! route.strip_trailing_slash)) @route

; fastify.route({ method: 'POST', url: '/y', handler }): one pattern per
; property, merged because they share the declaration node.
(call_expression
  function: (member_expression object: (_) @route.router property: (property_identifier) @_r)
  arguments: (arguments . (object (pair key: (property_identifier) @_u value: (string) @route.path)))
  (#eq? @_r "route")
  (#any-of? @_u "url" "path")
  (#set! framework "fastify")
  (#set! route.strip_trailing_slash)) @route
(call_expression
  function: (member_expression property: (property_identifier) @_r)
  arguments: (arguments . (object (pair key: (property_identifier) @_m value: [(string) (array)] @route.method)))
  (#eq? @_r "route")
  (#eq? @_m "method")) @route
(call_expression
  function: (member_expression property: (property_identifier) @_r)
  arguments: (arguments . (object (pair key: (property_identifier) @_h value: (_) @route.handler)))
  (#eq? @_r "route")
  (#eq? @_h "handler")) @route
(call_expression
  function: (member_expression property: (property_identifier) @_r)
  arguments: (arguments . (object (shorthand_property_identifier) @route.handler))
  (#eq? @_r "route")
  (#eq? @route.handler "handler")) @route

; Socket.IO: the server's connection handler is the endpoint `WS /socket.io/`
; (namespaces, `io.of('/admin')`, share it); the events it registers
; (`socket.on('x', fn)`) are reached from it.
(call_expression
  function: (member_expression object: (_) @_io property: (property_identifier) @_on)
  arguments: (arguments
    . (string) @_ev
    . [(arrow_function) (function_expression) (identifier) (member_expression)] @route.handler)
  (#eq? @_on "on")
  (#match? @_ev "^['\"]connect(ion)?['\"]$")
  (#match? @_io "(^|[.])(io|socketio|socketIO|socketServer|ioServer)([.]of[(].*[)])?$")
  (#set! framework "socket.io")
  (#set! route.default_method "WS")
  (#set! route.fixed_path "/socket.io/")) @route

; ---- Routers and apps
(variable_declarator
  name: (identifier) @router.name
  value: (call_expression function: [(identifier) (member_expression)] @_c)
  (#match? @_c "^(express|(express\\.)?Router|fastify|Fastify|(require\\(['\"]fastify['\"]\\)))$")
  (#set! framework "express|fastify")) @router
(variable_declarator
  name: (identifier) @router.name
  value: (call_expression function: (call_expression function: (identifier) @_req arguments: (arguments (string) @_m)))
  (#eq? @_req "require")
  (#match? @_m "^['\"](express|fastify)['\"]$")
  (#set! framework "express|fastify")) @router
(variable_declarator
  name: (identifier) @router.name
  value: (new_expression constructor: (identifier) @_c)
  (#match? @_c "^(Router|KoaRouter|Koa)$")
  (#set! framework "koa")) @router
(variable_declarator
  name: (identifier) @router.name
  value: (new_expression
    constructor: (identifier) @_c
    arguments: (arguments (object (pair key: (property_identifier) @_p value: (string) @router.prefix))))
  (#match? @_c "^(Router|KoaRouter)$")
  (#eq? @_p "prefix")
  (#set! framework "koa")) @router

; ---- Mounts: app.use('/api', router), app.use('/auth', mw, router),
; api.use('/v2', v2.routes()), app.use(mw) (middleware for every route).
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments
    . [(string) (template_string) (identifier) (member_expression) (binary_expression)] @mount.prefix
    [(identifier) (member_expression)] @mount.child .)
  (#eq? @_u "use")) @mount
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments
    . [(string) (template_string)] @mount.prefix
    (call_expression
      function: (member_expression object: (identifier) @mount.child property: (property_identifier) @_r)))
  (#eq? @_u "use")
  (#eq? @_r "routes")) @mount
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments
    . (call_expression
      function: (member_expression object: (identifier) @mount.child property: (property_identifier) @_r)))
  (#eq? @_u "use")
  (#eq? @_r "routes")) @mount

; Fastify hooks: fastify.addHook('preHandler', requireLogin)
(call_expression
  function: (member_expression object: (_) @mount.parent property: (property_identifier) @_h)
  arguments: (arguments . (string) . [(identifier) (member_expression)] @mount.child)
  (#eq? @_h "addHook")) @mount
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments . [(identifier) (member_expression)] @mount.child)
  (#eq? @_u "use")) @mount
; app.use('/x', mw1, mw2, router): the middlewares run before every route of
; that router (they are hooks on it, not on the app).
(call_expression
  function: (member_expression property: (property_identifier) @_u)
  arguments: (arguments
    . [(string) (template_string)]
    [(identifier) (member_expression)] @mount.child
    [(identifier) (member_expression)] @mount.parent .)
  (#eq? @_u "use")) @mount

; app.use('/x', require('./routes/x')): the module's exported router.
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments
    . [(string) (template_string) (identifier) (member_expression) (binary_expression)] @mount.prefix
    (call_expression function: (identifier) @_r arguments: (arguments . (string) @mount.child)) .)
  (#eq? @_u "use")
  (#eq? @_r "require")) @mount

; app.use(config.get('apiPrefix'), router), app.use(nconf.get('admin:path'), router):
; the prefix is a setting, its default one of the settings defaults (`@def.settings`).
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments
    . (call_expression
        function: (member_expression property: (property_identifier) @_g)
        arguments: (arguments . (string) @mount.prefix_setting .))
    [(identifier) (member_expression)] @mount.child .)
  (#eq? @_u "use")
  (#eq? @_g "get")) @mount
; api.use(config.get('feeds.path'), feeds.routes()) (@koa/router)
(call_expression
  function: (member_expression object: [(identifier) (member_expression)] @mount.parent property: (property_identifier) @_u)
  arguments: (arguments
    . (call_expression
        function: (member_expression property: (property_identifier) @_g)
        arguments: (arguments . (string) @mount.prefix_setting .))
    (call_expression
      function: (member_expression object: (identifier) @mount.child property: (property_identifier) @_r)))
  (#eq? @_u "use")
  (#eq? @_g "get")
  (#eq? @_r "routes")) @mount

; Chained mounts: `const api = Router().use(a).use('/x', b)`; the router is
; what the whole chain is assigned to (or the module's default export).
(call_expression
  function: (member_expression object: (call_expression) property: (property_identifier) @_u)
  arguments: (arguments
    . [(string) (template_string) (identifier) (member_expression) (binary_expression)] @mount.prefix
    [(identifier) (member_expression)] @mount.child .)
  (#eq? @_u "use")
  (#set! mount.parent_chain)) @mount
(call_expression
  function: (member_expression object: (call_expression) property: (property_identifier) @_u)
  arguments: (arguments . [(identifier) (member_expression)] @mount.child .)
  (#eq? @_u "use")
  (#set! mount.parent_chain)) @mount

; @fastify/autoload: fastify.register(autoload, { dir: path.join(__dirname, 'routes'),
; dirNameRoutePrefix, routeParams, options: { prefix } }): every plugin in the
; folder is registered under its directory's path; `autohooks` files hold the
; hooks of their folder.
(call_expression
  function: (member_expression object: (_) @mount.parent property: (property_identifier) @_r)
  arguments: (arguments
    . [(identifier) (call_expression)] @_al
    . (object
        (pair key: (property_identifier) @_d
              value: (call_expression arguments: (arguments) @mount.autoload))))
  (#eq? @_r "register")
  (#match? @_al "[Aa]uto[Ll]oad")
  (#eq? @_d "dir")) @mount
; fastify.addHook('onRequest', async (request, reply) => {...}): an inline hook.
(call_expression
  function: (member_expression object: (_) @mount.parent property: (property_identifier) @_h)
  arguments: (arguments . (string) . [(arrow_function) (function_expression)] @mount.child)
  (#eq? @_h "addHook")
  (#set! mount.inline_hook)) @mount

; Fastify plugins: fastify.register(plugin, { prefix: '/v1' })
(call_expression
  function: (member_expression object: (_) @mount.parent property: (property_identifier) @_r)
  arguments: (arguments
    . [(identifier) (member_expression) (call_expression)] @mount.child
    . (object (pair key: (property_identifier) @_p value: (string) @mount.prefix)))
  (#eq? @_r "register")
  (#eq? @_p "prefix")) @mount
(call_expression
  function: (member_expression object: (_) @mount.parent property: (property_identifier) @_r)
  arguments: (arguments
    . [(arrow_function) (function_expression)] @mount.child
    . (object (pair key: (property_identifier) @_p value: (string) @mount.prefix)))
  (#eq? @_r "register")
  (#eq? @_p "prefix")
  (#set! mount.inline)) @mount
(call_expression
  function: (member_expression object: (_) @mount.parent property: (property_identifier) @_r)
  arguments: (arguments . [(identifier) (member_expression)] @mount.child .)
  (#eq? @_r "register")) @mount

; ---- Next.js: pages/api/** default export, app/**/route.ts exported verbs.
(export_statement "default"
  declaration: (function_declaration name: (identifier) @route.handler)
  (#set! framework "nextjs")
  (#set! route.fs_dir "pages/api")
  (#set! route.fs_prefix "/api")) @route
(export_statement "default"
  value: [(arrow_function) (function_expression) (identifier) (call_expression)] @route.handler
  (#set! framework "nextjs")
  (#set! route.fs_dir "pages/api")
  (#set! route.fs_prefix "/api")) @route
(export_statement
  declaration: (function_declaration name: (identifier) @route.method @route.handler)
  (#any-of? @route.method "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS")
  (#set! framework "nextjs")
  (#set! route.fs_dir "app")
  (#set! route.fs_file "route")) @route
(export_statement
  declaration: (lexical_declaration
    (variable_declarator name: (identifier) @route.method value: (_) @route.handler))
  (#any-of? @route.method "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS")
  (#set! framework "nextjs")
  (#set! route.fs_dir "app")
  (#set! route.fs_file "route")) @route

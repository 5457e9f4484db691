; NestJS: @Controller('users') on the class is the router and its prefix;
; @Get(':id') before a method is a route on that class; guards run before
; every route of the class or method; setGlobalPrefix prefixes every route.
; (TypeScript also gets every query of grammars/javascript/.)

; Comments may sit between the decorators and the method.
(class_body
  (decorator
    (call_expression
      function: (identifier) @route.method
      arguments: (arguments . [(string) (template_string)]? @route.path)))
  .
  [(decorator) (comment)]*
  .
  (method_definition name: (property_identifier) @route.handler) @route
  (#any-of? @route.method "Get" "Post" "Put" "Patch" "Delete" "All" "Head" "Options")
  (#set! framework "nestjs")
  (#set! route.path_optional)
  (#set! route.class_router))
; @Sse('events'): a server-sent events stream, served on GET.
(class_body
  (decorator
    (call_expression
      function: (identifier) @_sse
      arguments: (arguments . [(string) (template_string)]? @route.path)))
  .
  [(decorator) (comment)]*
  .
  (method_definition name: (property_identifier) @route.handler) @route
  (#eq? @_sse "Sse")
  (#set! framework "nestjs")
  (#set! route.default_method "GET")
  (#set! route.path_optional)
  (#set! route.class_router))

([(class_declaration
    decorator: (decorator
      (call_expression function: (identifier) @_c arguments: (arguments . (string)? @router.prefix)))
    name: (type_identifier) @router.name)
  (export_statement
    decorator: (decorator
      (call_expression function: (identifier) @_c arguments: (arguments . (string)? @router.prefix)))
    declaration: (class_declaration name: (type_identifier) @router.name))] @router
  (#eq? @_c "Controller")
  (#set! framework "nestjs"))

([(class_declaration
    decorator: (decorator
      (call_expression function: (identifier) @_g arguments: (arguments (identifier) @mount.child)))
    name: (type_identifier) @mount.parent)
  (export_statement
    decorator: (decorator
      (call_expression function: (identifier) @_g arguments: (arguments (identifier) @mount.child)))
    declaration: (class_declaration name: (type_identifier) @mount.parent))] @mount
  (#any-of? @_g "UseGuards" "UseInterceptors"))

(call_expression
  function: (member_expression property: (property_identifier) @_g)
  arguments: (arguments . [(string) (template_string) (identifier) (member_expression)] @mount.prefix)
  (#eq? @_g "setGlobalPrefix")
  (#set! mount.global)
  (#set! framework "nestjs")) @mount

; @WebSocketGateway() classes serve one Socket.IO endpoint, `WS /socket.io/`
; (namespaces share it): the class and each @SubscribeMessage('event')
; method are its handlers, merged into one route.
([(class_declaration
    decorator: (decorator (call_expression function: (identifier) @_g))
    name: (type_identifier) @route.handler)
  (export_statement
    decorator: (decorator (call_expression function: (identifier) @_g))
    declaration: (class_declaration name: (type_identifier) @route.handler))] @route
  (#eq? @_g "WebSocketGateway")
  (#set! framework "nestjs-websocket")
  (#set! route.default_method "WS")
  (#set! route.fixed_path "/socket.io/"))
(class_body
  (decorator
    (call_expression
      function: (identifier) @_s
      arguments: (arguments . (string))))
  .
  [(decorator) (comment)]*
  .
  (method_definition name: (property_identifier) @route.handler) @route
  (#eq? @_s "SubscribeMessage")
  (#set! framework "nestjs-websocket")
  (#set! route.default_method "WS")
  (#set! route.fixed_path "/socket.io/"))

; @Module({ controllers: [A, B] }): a module's controllers are served under
; the module's path (RouterModule below); children are routers, not hooks.
([(class_declaration
    decorator: (decorator
      (call_expression
        function: (identifier) @_m
        arguments: (arguments (object (pair
          key: (property_identifier) @_c
          value: (array [(identifier) @mount.child (spread_element (identifier) @mount.child)]))))))
    name: (type_identifier) @mount.parent)
  (export_statement
    decorator: (decorator
      (call_expression
        function: (identifier) @_m
        arguments: (arguments (object (pair
          key: (property_identifier) @_c
          value: (array [(identifier) @mount.child (spread_element (identifier) @mount.child)]))))))
    declaration: (class_declaration name: (type_identifier) @mount.parent))] @mount
  (#eq? @_m "Module")
  (#eq? @_c "controllers")
  (#set! mount.router)
  (#set! framework "nestjs"))

; RouterModule.register([{ path: 'system', module: SystemModule, children: [...] }]):
; the module (and its controllers) under the path; children under the parent's.
(call_expression
  function: (member_expression object: (identifier) @_rm property: (property_identifier) @_reg)
  arguments: (arguments (array (object
    (pair key: (property_identifier) @_p value: [(string) (template_string) (identifier) (member_expression)] @mount.prefix)
    (pair key: (property_identifier) @_mo value: (identifier) @mount.child))))
  (#eq? @_rm "RouterModule") (#eq? @_reg "register")
  (#eq? @_p "path") (#eq? @_mo "module")
  (#set! mount.router)
  (#set! framework "nestjs")) @mount
(call_expression
  function: (member_expression object: (identifier) @_rm property: (property_identifier) @_reg)
  arguments: (arguments (array (object
    (pair key: (property_identifier) @_mo value: (identifier) @mount.child)
    (pair key: (property_identifier) @_p value: [(string) (template_string) (identifier) (member_expression)] @mount.prefix))))
  (#eq? @_rm "RouterModule") (#eq? @_reg "register")
  (#eq? @_p "path") (#eq? @_mo "module")
  (#set! mount.router)
  (#set! framework "nestjs")) @mount
; children: [ChildModule, ...modules] — under the parent's path.
(object
  (pair key: (property_identifier) @_mo value: (identifier) @mount.parent)
  (pair key: (property_identifier) @_ch
    value: (array [(identifier) @mount.child (spread_element (identifier) @mount.child)]))
  (#eq? @_mo "module") (#eq? @_ch "children")
  (#set! mount.router)
  (#set! framework "nestjs")) @mount
; children: [{ path: 'acl', module: RoleModule }] — their own path below the parent's.
(object
  (pair key: (property_identifier) @_mo value: (identifier) @mount.parent)
  (pair key: (property_identifier) @_ch
    value: (array (object
      (pair key: (property_identifier) @_p value: [(string) (template_string) (identifier) (member_expression)] @mount.prefix)
      (pair key: (property_identifier) @_m2 value: (identifier) @mount.child))))
  (#eq? @_mo "module") (#eq? @_ch "children")
  (#eq? @_p "path") (#eq? @_m2 "module")
  (#set! mount.router)
  (#set! framework "nestjs")) @mount
(object
  (pair key: (property_identifier) @_mo value: (identifier) @mount.parent)
  (pair key: (property_identifier) @_ch
    value: (array (object
      (pair key: (property_identifier) @_m2 value: (identifier) @mount.child)
      (pair key: (property_identifier) @_p value: [(string) (template_string) (identifier) (member_expression)] @mount.prefix))))
  (#eq? @_mo "module") (#eq? @_ch "children")
  (#eq? @_p "path") (#eq? @_m2 "module")
  (#set! mount.router)
  (#set! framework "nestjs")) @mount

; `[…].forEach((name) => …)`, `[[path, h], …].forEach(([path, h]) => …)`,
; `Object.entries({…}).forEach(([path, h]) => …)`: a loop over a literal
; list or map, for the routes declared inside (TypeScript's parameters are
; `required_parameter`s).
(call_expression
  function: (member_expression object: [(array) (identifier)] @loop.values property: (property_identifier) @_f)
  arguments: (arguments
    . [(arrow_function parameters: (formal_parameters . (required_parameter pattern: [(identifier) @loop.name (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)])))
       (function_expression parameters: (formal_parameters . (required_parameter pattern: [(identifier) @loop.name (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)])))])
  (#eq? @_f "forEach")) @loop
(call_expression
  function: (member_expression
    object: (call_expression
      function: (member_expression object: (identifier) @_o property: (property_identifier) @_e)
      arguments: (arguments . [(object) (identifier)] @loop.values .))
    property: (property_identifier) @_f)
  arguments: (arguments . (arrow_function parameters: (formal_parameters . (required_parameter pattern: (array_pattern . (identifier) @loop.name . (identifier) @loop.name .)))))
  (#eq? @_o "Object")
  (#eq? @_e "entries")
  (#eq? @_f "forEach")) @loop

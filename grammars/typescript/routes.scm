; NestJS: @Controller('users') on the class is the router and its prefix;
; @Get(':id') before a method is a route on that class; guards run before
; every route of the class or method; setGlobalPrefix prefixes every route.
; (TypeScript also gets every query of grammars/javascript/.)

(class_body
  (decorator
    (call_expression
      function: (identifier) @route.method
      arguments: (arguments . [(string) (template_string)]? @route.path)))
  .
  (decorator)*
  .
  (method_definition name: (property_identifier) @route.handler) @route
  (#any-of? @route.method "Get" "Post" "Put" "Patch" "Delete" "All" "Head" "Options")
  (#set! framework "nestjs")
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
  arguments: (arguments . (string) @mount.prefix)
  (#eq? @_g "setGlobalPrefix")
  (#set! mount.global)
  (#set! framework "nestjs")) @mount

; @WebSocketGateway() classes: each @SubscribeMessage('event') is a WS route.
(class_body
  (decorator
    (call_expression
      function: (identifier) @_s
      arguments: (arguments . (string) @route.path)))
  .
  (decorator)*
  .
  (method_definition name: (property_identifier) @route.handler) @route
  (#eq? @_s "SubscribeMessage")
  (#set! framework "nestjs-websocket")
  (#set! route.default_method "WS")
  (#set! route.class_router))

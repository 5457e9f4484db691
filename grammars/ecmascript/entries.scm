; Where a JavaScript/TypeScript server starts, and code marked for the browser.
; An @entry file is server code with everything it imports (link/server.rs);
; a @client file ('use client') never is.

; const app = express(); fastify(); Fastify({ logger: true })
(call_expression
  function: (identifier) @_f
  (#any-of? @_f "express" "fastify" "Fastify" "polka" "restify")) @entry

; new Koa(), new Hono()
(new_expression
  constructor: (identifier) @_c
  (#any-of? @_c "Koa" "Hono" "Express")) @entry

; NestFactory.create(AppModule), http.createServer(app), restify.createServer()
(call_expression
  function: (member_expression
    object: (identifier) @_o
    property: (property_identifier) @_p)
  (#any-of? @_o "NestFactory" "http" "https" "http2" "restify")
  (#any-of? @_p "create" "createServer" "createSecureServer")) @entry

; 'use client' (a React client component): browser code.
(program
  (expression_statement
    (string) @client
    (#match? @client "^['\"]use client['\"]$")))

; app.listen(PORT), server.listen(3000, ...): the process that serves requests.
(call_expression
  function: (member_expression
    object: (identifier)
    property: (property_identifier) @_p)
  (#eq? @_p "listen")) @entry

; The callback of `server.listen(port, () => {…})` runs once, as the server
; starts listening (@startup).
(call_expression
  function: (member_expression property: (property_identifier) @_p)
  arguments: (arguments [(arrow_function) (function_expression)] @startup .)
  (#eq? @_p "listen"))

; Fastify plugins run as the app boots: the body of a plugin wrapped by
; fastify-plugin (`export default fp(async (fastify) => {…})`), and the
; `autoConfig` export that @fastify/autoload calls for a plugin's options.
(call_expression
  function: (identifier) @_fp
  arguments: (arguments . [(arrow_function) (function_expression)] @entry)
  (#any-of? @_fp "fp" "fastifyPlugin"))
(export_statement
  declaration: (lexical_declaration
    (variable_declarator
      name: (identifier) @_name
      value: [(arrow_function) (function_expression)] @entry))
  (#eq? @_name "autoConfig"))
(export_statement
  declaration: (function_declaration name: (identifier) @_name) @entry
  (#eq? @_name "autoConfig"))

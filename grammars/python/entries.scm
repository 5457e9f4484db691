; Where a Python web app starts: the file is server code, and so is every
; module it imports (link/server.rs). Captures: @entry.

; app = Flask(__name__), FastAPI(), Starlette(), Quart(), Sanic("app")
(call
  function: [(identifier) @_f (attribute attribute: (identifier) @_f)]
  (#any-of? @_f "Flask" "FastAPI" "Starlette" "Quart" "Sanic" "APIFlask" "Litestar")) @entry

; WSGI/ASGI entry modules: get_wsgi_application(), get_asgi_application()
(call
  function: [(identifier) @_f (attribute attribute: (identifier) @_f)]
  (#any-of? @_f "get_wsgi_application" "get_asgi_application")) @entry

; A Django settings module: ROOT_URLCONF / INSTALLED_APPS / MIDDLEWARE at module level.
(module
  (expression_statement
    (assignment left: (identifier) @_k))
  (#any-of? @_k "ROOT_URLCONF" "INSTALLED_APPS" "MIDDLEWARE")) @entry

; Start-up hooks (@startup): `@app.on_event("startup")` runs once as a
; FastAPI/Starlette app starts, before it serves any request.
(decorated_definition
  (decorator
    (call
      function: (attribute attribute: (identifier) @_h)
      arguments: (argument_list . (string) @_event)))
  definition: (function_definition)
  (#eq? @_h "on_event")
  (#match? @_event "^[\"']startup[\"']$")) @startup

; Where a PHP app starts: the file is server code, with every file it
; uses (link/server.rs). Captures: @entry.

; Laravel: Application::configure(basePath: ...) (bootstrap/app.php, 11+),
; new Illuminate\Foundation\Application(...) (10 and before).
((scoped_call_expression
   scope: [(name) (qualified_name)] @_app
   name: (name) @_configure) @entry
  (#match? @_app "Application$")
  (#eq? @_configure "configure"))
((object_creation_expression [(name) (qualified_name)] @_app) @entry
  (#match? @_app "Foundation\\\\Application$"))

; Slim: AppFactory::create(), Bridge::create($container).
((scoped_call_expression
   scope: [(name) (qualified_name)] @_factory
   name: (name) @_create) @entry
  (#any-of? @_factory "AppFactory" "Bridge")
  (#eq? @_create "create"))
; Slim 3: new \Slim\App($settings).
((object_creation_expression [(name) (qualified_name)] @_app) @entry
  (#match? @_app "Slim\\\\App$"))

; Symfony: the kernel (`class Kernel extends BaseKernel`).
((class_declaration
   (base_clause [(name) (qualified_name)] @_base)) @entry
  (#match? @_base "Kernel$"))

; Laravel's config/*.php: files that return their settings array; the
; framework loads them all when it boots.
((program (return_statement (array_creation_expression))) @entry)

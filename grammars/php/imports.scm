; PHP `use` statements and the file's namespace. `use App\Models\User;`
; binds User; `use App\Models\User as U;` binds U; grouped
; `use App\Models\{User, Post as P};` joins the prefix with `\`
; (`@import.prefix`, `import.join`). `require`/`include` of a file make the
; file a module of this one (link/modules/php.rs resolves the path).

(namespace_use_declaration
  (namespace_use_clause
    . [(qualified_name (name) @import.name) (name) @import.name] @import.module
    !alias))
(namespace_use_declaration
  (namespace_use_clause
    . [(qualified_name (name) @import.name) (name) @import.name] @import.module
    alias: (name) @import.alias))
(namespace_use_declaration
  (namespace_name) @import.prefix
  body: (namespace_use_group
    (namespace_use_clause (name) @import.module @import.name !alias))
  (#set! import.join "\\"))
(namespace_use_declaration
  (namespace_name) @import.prefix
  body: (namespace_use_group
    (namespace_use_clause . (name) @import.module @import.name alias: (name) @import.alias))
  (#set! import.join "\\"))

; require __DIR__ . '/lib/db.php'; require_once 'config.php';
; include base_path('routes/web.php'); require "pages/{$page}.php" (every
; file the template matches, extract::include_path).
(require_expression
  [(string (string_content) @import.module)
   (encapsed_string) @import.module
   (binary_expression right: [(string (string_content)) (encapsed_string)] @import.module)
   (function_call_expression arguments: (arguments (argument (string (string_content) @import.module))))]
  (#set! import.kind "file"))
(require_once_expression
  [(string (string_content) @import.module)
   (encapsed_string) @import.module
   (binary_expression right: [(string (string_content)) (encapsed_string)] @import.module)
   (function_call_expression arguments: (arguments (argument (string (string_content) @import.module))))]
  (#set! import.kind "file"))
(include_expression
  [(string (string_content) @import.module)
   (encapsed_string) @import.module
   (binary_expression right: [(string (string_content)) (encapsed_string)] @import.module)
   (function_call_expression arguments: (arguments (argument (string (string_content) @import.module))))]
  (#set! import.kind "file"))
(include_once_expression
  [(string (string_content) @import.module)
   (encapsed_string) @import.module
   (binary_expression right: [(string (string_content)) (encapsed_string)] @import.module)
   (function_call_expression arguments: (arguments (argument (string (string_content) @import.module))))]
  (#set! import.kind "file"))

(namespace_definition name: (namespace_name) @namespace.name)

; eval('?>' . file_get_contents($path) . '<?php '): an include written out.
((function_call_expression
   function: (name) @_eval
   arguments: (arguments (argument (binary_expression
     left: (binary_expression
       right: (function_call_expression
         function: (name) @_read
         arguments: (arguments . (argument [(string (string_content) @import.module)
                                            (encapsed_string) @import.module
                                            (binary_expression right: [(string (string_content)) (encapsed_string)] @import.module)]))))))))
  (#eq? @_eval "eval")
  (#eq? @_read "file_get_contents")
  (#set! import.kind "file"))
((function_call_expression
   function: (name) @_eval
   arguments: (arguments (argument (binary_expression
     right: (function_call_expression
       function: (name) @_read
       arguments: (arguments . (argument [(string (string_content) @import.module)
                                          (encapsed_string) @import.module
                                          (binary_expression right: [(string (string_content)) (encapsed_string)] @import.module)])))))))
  (#eq? @_eval "eval")
  (#eq? @_read "file_get_contents")
  (#set! import.kind "file"))

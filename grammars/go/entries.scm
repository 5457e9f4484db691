; Where a Go server starts: `func main()` (the file is server code, with
; every package it uses) and `func init()`, run before it.

((function_declaration name: (identifier) @_main) @entry
  (#any-of? @_main "main" "init"))

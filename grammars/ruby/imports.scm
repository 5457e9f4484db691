; Ruby imports: `require 'x'` and `require_relative 'x'` name files (the
; code they hold is loaded); constants resolve by nesting and autoload
; (src/link/modules/ruby.rs), not through imports.

(call
  !receiver
  method: (identifier) @_req
  arguments: (argument_list . (string) @import.module)
  (#any-of? @_req "require" "require_relative" "load"))

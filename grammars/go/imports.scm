; Go imports: `import "github.com/acme/shop/internal/users"` binds the
; package's name (`users`, from its path: link/modules/go.rs finds its
; folder); `import u "…"` binds `u`; `import _ "…"` loads a driver.

(import_spec !name path: (_) @import.module
  (#set! import.kind "package"))
(import_spec
  name: [(package_identifier) (blank_identifier)] @import.alias
  path: (_) @import.module)

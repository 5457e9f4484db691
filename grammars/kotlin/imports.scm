; Kotlin imports: `import a.b.C` binds C (a type, or a top-level function
; or property of package a.b), `import a.b.C as D` binds D, `import a.b.*`
; makes package a.b visible; the file's `package` is its namespace.

(import
  (qualified_identifier (identifier) @import.name .) @import.module
  .)
(import
  (qualified_identifier (identifier) @import.name .) @import.module
  (identifier) @import.alias)
((import (qualified_identifier) @import.module "*")
  (#set! import.kind "wildcard"))

(package_header (qualified_identifier) @namespace.name)

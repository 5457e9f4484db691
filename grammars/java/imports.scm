; Java imports: `import a.b.C;` binds C; `import a.b.*;` makes every type of
; package a.b visible; the file's `package` is its namespace.

(import_declaration
  (scoped_identifier name: (identifier) @import.name) @import.module
  .)
((import_declaration (scoped_identifier) @import.module (asterisk))
  (#set! import.kind "wildcard"))

(package_declaration [(scoped_identifier) (identifier)] @namespace.name)

; C# `using` directives and the file's namespace. `using A.B;` makes every
; type of namespace A.B visible: local `*`, module `A.B` (link/modules/csharp.rs).
; `using X = A.B.C;` binds X to the type C of A.B. `using static A.B.C;`
; makes C's members visible: C is recorded as the module.

(using_directive
  !name
  [(identifier) (qualified_name)] @import.module
  (#set! import.kind "wildcard"))

(using_directive
  name: (identifier) @import.alias
  (qualified_name name: (identifier) @import.name) @import.module)

; namespace Shop.Controllers; / namespace Shop.Controllers { … }
(file_scoped_namespace_declaration name: (_) @namespace.name)
(namespace_declaration name: (_) @namespace.name)

; ES module imports, CommonJS require, and exports (default, named,
; re-exports, module.exports / exports.x).

(import_statement
  (import_clause (identifier) @import.alias)
  source: (string) @import.module
  (#set! import.kind "default"))
(import_statement
  (import_clause (named_imports (import_specifier name: (identifier) @import.name alias: (identifier)? @import.alias)))
  source: (string) @import.module)
(import_statement
  (import_clause (namespace_import (identifier) @import.alias))
  source: (string) @import.module)
; Side-effect imports (`import './polyfills'`) still load the module.
(import_statement source: (string) @import.module)

(variable_declarator
  name: (identifier) @import.alias
  value: (call_expression function: (identifier) @_r arguments: (arguments . (string) @import.module))
  (#eq? @_r "require"))
(variable_declarator
  name: (object_pattern (shorthand_property_identifier_pattern) @import.name)
  value: (call_expression function: (identifier) @_r arguments: (arguments . (string) @import.module))
  (#eq? @_r "require"))
(variable_declarator
  name: (object_pattern (pair_pattern key: (property_identifier) @import.name value: (identifier) @import.alias))
  value: (call_expression function: (identifier) @_r arguments: (arguments . (string) @import.module))
  (#eq? @_r "require"))
(variable_declarator
  name: (identifier) @import.alias
  value: (member_expression
    object: (call_expression function: (identifier) @_r arguments: (arguments . (string) @import.module))
    property: (property_identifier) @import.name)
  (#eq? @_r "require"))
; Side-effect and inline requires (`require('./jobs/nightly')`,
; `app.use(require('./routes'))`) still load the module.
(call_expression
  function: (identifier) @_r
  arguments: (arguments . (string) @import.module)
  (#eq? @_r "require"))

; export default router; export default function handler() {}
(export_statement value: (identifier) @export.default)
(export_statement "default" declaration: (function_declaration name: (identifier) @export.default))
(export_statement "default" declaration: (class_declaration name: (_) @export.default))

; export { a, b as c } [from './x']; export * from './y'
(export_statement
  (export_clause (export_specifier name: (identifier) @export.name !alias))
  source: (string)? @export.from)
(export_statement
  (export_clause (export_specifier name: (identifier) @export.local alias: (identifier) @export.name))
  source: (string)? @export.from)
(export_statement "*" source: (string) @export.from (#set! export.star))

; module.exports = router; module.exports = { list, show: showUser }
(assignment_expression
  left: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
  right: (identifier) @export.default
  (#eq? @_m "module") (#eq? @_e "exports"))
; A Koa router exported as its middleware: `module.exports = router.routes()`,
; `export default router.routes()` export the router.
(assignment_expression
  left: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
  right: (call_expression
    function: (member_expression object: (identifier) @export.default property: (property_identifier) @_r))
  (#eq? @_m "module") (#eq? @_e "exports") (#eq? @_r "routes"))
(export_statement
  value: (call_expression
    function: (member_expression object: (identifier) @export.default property: (property_identifier) @_r))
  (#eq? @_r "routes"))
(assignment_expression
  left: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
  right: (object (shorthand_property_identifier) @export.name)
  (#eq? @_m "module") (#eq? @_e "exports"))
(assignment_expression
  left: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
  right: (object (pair key: (property_identifier) @export.name value: (identifier) @export.local))
  (#eq? @_m "module") (#eq? @_e "exports"))
; exports.create = ...; module.exports.create = ...
(assignment_expression
  left: (member_expression object: (identifier) @_x property: (property_identifier) @export.name)
  (#eq? @_x "exports"))
(assignment_expression
  left: (member_expression
    object: (member_expression object: (identifier) @_m property: (property_identifier) @_e)
    property: (property_identifier) @export.name)
  (#eq? @_m "module") (#eq? @_e "exports"))

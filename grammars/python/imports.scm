; Imports. @import.module is the module, @import.name the imported name,
; @import.alias the local name when renamed.

(import_statement name: (dotted_name) @import.module)
(import_statement name: (aliased_import name: (dotted_name) @import.module alias: (identifier) @import.alias))

(import_from_statement
  module_name: [(dotted_name) (relative_import)] @import.module
  name: (dotted_name) @import.name)

(import_from_statement
  module_name: [(dotted_name) (relative_import)] @import.module
  name: (aliased_import name: (dotted_name) @import.name alias: (identifier) @import.alias))

; A registry of modules loaded by name at run time (`importlib.import_module(
; REGISTRY[kind]['module'])`): a dict entry `'module': 'app.models.yolo'` names a
; module the program imports. A name that is no module of the project resolves
; to nothing.
(pair
  key: (string) @_key
  value: (string) @import.module
  (#match? @_key "^['\"](module|module_name|module_path)['\"]$"))

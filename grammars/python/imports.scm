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

; Flask configuration loaded by import string: `app.config.from_object(
; "app.settings.ProdConfig")`, or the dotted default of an app factory's
; `config` parameter that it passes there (`def create_app(config=
; "app.config.Config")`). The module is imported as the app starts; a name
; that is no module of the project resolves to nothing.
(call
  function: (attribute attribute: (identifier) @_m)
  arguments: (argument_list . (string) @import.module)
  (#eq? @_m "from_object")
  (#match? @import.module "^['\"][A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+['\"]$"))
(default_parameter
  name: (identifier) @_p
  value: (string) @import.module
  (#match? @_p "^(config|config_name|config_class|config_object|settings)$")
  (#match? @import.module "^['\"][A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+['\"]$"))

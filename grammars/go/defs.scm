; Go definitions: functions, methods (declared outside their type: the
; receiver's type is the method's class, @def.owner, and the receiver
; variable, @def.self, reaches its members), function literals, named
; types (structs, interfaces with their declared-only methods, others);
; package-level variables (mutable: any request can write them) and
; constants; struct fields with their types; names bound inside functions.

(function_declaration name: (identifier) @def.name) @def.function
; The type a function returns (`func New() *API`, `(*API, error)`).
(function_declaration
  name: (identifier) @def.name
  result: [(type_identifier) @def.returns
           (qualified_type) @def.returns
           (pointer_type [(type_identifier) (qualified_type)] @def.returns)
           (parameter_list . (parameter_declaration type: [(type_identifier) (qualified_type)] @def.returns))
           (parameter_list . (parameter_declaration type: (pointer_type [(type_identifier) (qualified_type)] @def.returns)))]) @def.function
(method_declaration
  receiver: (parameter_list
    (parameter_declaration
      name: (identifier)? @def.self
      type: [(type_identifier) @def.owner
             (pointer_type (type_identifier) @def.owner)
             (generic_type type: (type_identifier) @def.owner)
             (pointer_type (generic_type type: (type_identifier) @def.owner))]))
  name: (field_identifier) @def.name) @def.function
; A method's result type too (`func (o *Auth) getVerifier() (*oidc.IDTokenVerifier,
; error)`): a local it gives a value to is of that type.
(method_declaration
  receiver: (parameter_list
    (parameter_declaration
      name: (identifier)? @def.self
      type: [(type_identifier) @def.owner
             (pointer_type (type_identifier) @def.owner)
             (generic_type type: (type_identifier) @def.owner)
             (pointer_type (generic_type type: (type_identifier) @def.owner))]))
  name: (field_identifier) @def.name
  result: [(type_identifier) @def.returns
           (qualified_type) @def.returns
           (pointer_type [(type_identifier) (qualified_type)] @def.returns)
           (parameter_list . (parameter_declaration type: [(type_identifier) (qualified_type)] @def.returns))
           (parameter_list . (parameter_declaration type: (pointer_type [(type_identifier) (qualified_type)] @def.returns)))]) @def.function
(func_literal) @def.function
; A function that builds a path from its parameters: `return "/api" + p`,
; or a closure doing it (`return func(s string) string { return prefix +
; "/v1" + s }`): a route path written as a call to it is the path it builds.
(function_declaration
  name: (identifier) @def.name
  body: (block (statement_list . (return_statement (expression_list . (binary_expression) @def.path_template .)) .))) @def.function
(function_declaration
  name: (identifier) @def.name
  body: (block (statement_list . (return_statement (expression_list . (func_literal
    body: (block (statement_list . (return_statement (expression_list . (binary_expression) @def.path_template .)) .))) .)) .))) @def.function

(type_spec name: (type_identifier) @def.name) @def.class
; An interface is no implementation of itself; its methods are declared only.
((type_spec name: (type_identifier) @def.name type: (interface_type)) @def.class
  (#set! declared_only))
((method_elem name: (field_identifier) @def.name) @def.function
  (#set! declared_only))
; An interface method's result type (`Storage() StorageDomain`): a call
; chained on it (`deps.Domains().Storage().WriteFile(…)`) is a call on that type.
((method_elem
   name: (field_identifier) @def.name
   result: [(type_identifier) @def.returns
            (qualified_type) @def.returns
            (pointer_type [(type_identifier) (qualified_type)] @def.returns)]) @def.function
  (#set! declared_only))

; A handler that upgrades its connection to a websocket (gorilla's
; `upgrader.Upgrade(w, r, nil)`, nhooyr's `websocket.Accept(w, r, nil)`): the
; GET a router registers for it is a websocket endpoint (WS).
((function_declaration name: (identifier) @def.target body: (block) @def.methods)
  (#match? @def.methods "([Uu]pgrader[.]Upgrade|websocket[.]Accept)[(]")
  (#set! def.method "WS"))
((method_declaration name: (field_identifier) @def.target body: (block) @def.methods)
  (#match? @def.methods "([Uu]pgrader[.]Upgrade|websocket[.]Accept)[(]")
  (#set! def.method "WS"))
; A melody instance made and served in the handler (or in the method that
; returns it): `m := melody.New()` … `m.HandleRequest(w, r)`.
((function_declaration name: (identifier) @def.target body: (block) @def.methods)
  (#match? @def.methods "melody[.]New[(]")
  (#match? @def.methods "[.]HandleRequest(WithKeys)?[(]")
  (#set! def.method "WS"))
((method_declaration name: (field_identifier) @def.target body: (block) @def.methods)
  (#match? @def.methods "melody[.]New[(]")
  (#match? @def.methods "[.]HandleRequest(WithKeys)?[(]")
  (#set! def.method "WS"))

; Package-level variables: `var visits = map[string]int{}`, `var n int64`.
(source_file
  (var_declaration (var_spec name: (identifier) @def.name) @def.variable)
  (#set! mutable))
(source_file
  (var_declaration (var_spec_list (var_spec name: (identifier) @def.name) @def.variable))
  (#set! mutable))
; Their initial value's callee (`cache.New(…)`, `make(…)`).
(source_file
  (var_declaration
    (var_spec
      name: (identifier) @def.name
      value: (expression_list . (call_expression function: (_) @def.init))) @def.variable))
(source_file
  (var_declaration
    (var_spec_list
      (var_spec
        name: (identifier) @def.name
        value: (expression_list . (call_expression function: (_) @def.init))) @def.variable)))
; String constants and variables: route prefixes written through them.
(source_file
  (const_declaration (const_spec
    name: (identifier) @def.name
    value: (expression_list . [(interpreted_string_literal) (raw_string_literal)] @def.literal .)) @def.variable))
(source_file
  (const_declaration (const_spec
    name: (identifier) @def.name
    value: (expression_list . (binary_expression) @def.concat .)) @def.variable))

; Maps, slices and arrays held by a struct guarded by a lock (`mu sync.Mutex`,
; an embedded `sync.RWMutex`, a `*sync.RWMutex`): the lock says goroutines
; share the value (the requests a server runs), so what it holds is the
; process's state, written through the receiver (`a.clients[id] = c`). Not a
; generic type's (`DecayMap[K, V]`): a container's own bookkeeping; the state
; is whoever holds one (a field of a long-lived struct, a package variable).
((type_spec
   !type_parameters
   type: (struct_type
     (field_declaration_list
       (field_declaration type: [(qualified_type) (pointer_type (qualified_type))] @_lock)
       (field_declaration
         name: (field_identifier) @def.name
         type: [(map_type) (slice_type) (array_type)]) @def.variable)))
  (#match? @_lock "^[*]?sync[.](RW)?Mutex$")
  (#set! mutable))
((type_spec
   !type_parameters
   type: (struct_type
     (field_declaration_list
       (field_declaration
         name: (field_identifier) @def.name
         type: [(map_type) (slice_type) (array_type)]) @def.variable
       (field_declaration type: [(qualified_type) (pointer_type (qualified_type))] @_lock))))
  (#match? @_lock "^[*]?sync[.](RW)?Mutex$")
  (#set! mutable))

; Struct fields with their type: `svc UserService`, `db *sql.DB`.
(field_declaration
  name: (field_identifier) @field.name
  type: [(type_identifier) (qualified_type)] @field.type)
(field_declaration
  name: (field_identifier) @field.name
  type: (pointer_type [(type_identifier) (qualified_type)] @field.type))
; Channel fields: `queue chan models.Bounce` (an in-process queue a loop drains).
(field_declaration
  name: (field_identifier) @field.name
  type: (channel_type) @field.type)
; A generic type's fields: `pending *decaymap.DecayMap[string, *login]`.
(field_declaration
  name: (field_identifier) @field.name
  type: [(generic_type type: [(type_identifier) (qualified_type)] @field.type)
         (pointer_type (generic_type type: [(type_identifier) (qualified_type)] @field.type))])

; A function value bound to a field where a struct is built
; (`api.ClientAPI{NotifyDeleted: h.NotifyDeletedClient}`): a call through the
; field (`a.NotifyDeleted(…)`) runs it (link: bound values).
(composite_literal
  type: [(type_identifier) (qualified_type)] @bind.class
  body: (literal_value
    (keyed_element
      key: (literal_element (identifier) @bind.field)
      value: (literal_element [(selector_expression) (identifier)] @bind.value))))

; A method that keeps the function it is given in a field of its struct
; (`func (c *Notifier) OnDeleted(cb func(uint) error) { c.onDeleted =
; append(c.onDeleted, cb) }`, or `c.onDeleted = cb`): what its callers pass
; (`n.OnDeleted(h.Drop)`) is bound to the field (link: bound values).
((method_declaration
   name: (field_identifier) @relay.method
   parameters: (parameter_list) @relay.params
   body: (block (statement_list
     (assignment_statement
       left: (expression_list . (selector_expression field: (field_identifier) @relay.field) .)
       right: (expression_list .
         [(call_expression
            function: (identifier) @_append
            arguments: (argument_list (_) . (identifier) @relay.value .))
          (identifier) @relay.value] .)))))
  (#any-of? @_append "append"))

; The value variable of a range over a field (`for _, cb := range
; c.callbacks`): calling it (`cb(id)`) calls what the field holds.
(for_statement
  (range_clause
    left: (expression_list (_) . (identifier) @local.name .)
    right: (selector_expression) @local.element))

; Names bound inside a function: parameters, `:=`, `var`, range variables.
(parameter_declaration name: (identifier) @local.name)
(variadic_parameter_declaration name: (identifier) @local.name)
(short_var_declaration left: (expression_list (identifier) @local.name))
(var_spec name: (identifier) @local.name)
(range_clause left: (expression_list (identifier) @local.name))
(type_switch_statement alias: (expression_list (identifier) @local.name))

; Locals and parameters whose type is known: `h *users.Handler`,
; `h := &users.Handler{…}`, `h := users.Handler{…}`, and by convention
; `h := users.NewHandler(…)` (what the constructor is declared to return).
(parameter_declaration
  name: (identifier) @local.name
  type: [(type_identifier) (qualified_type)] @local.type)
(parameter_declaration
  name: (identifier) @local.name
  type: (pointer_type [(type_identifier) (qualified_type)] @local.type))
(short_var_declaration
  left: (expression_list . (identifier) @local.name)
  right: (expression_list . [(composite_literal type: [(type_identifier) (qualified_type)] @local.type)
                             (unary_expression operand: (composite_literal type: [(type_identifier) (qualified_type)] @local.type))]))
; `h := stream.New(…)`, `h := api.NewOIDC(…)`: what the constructor returns
; (its declared result type: `NewOIDC` may well return `*OIDCAPI`); so for
; any function or method of the program (`mgr := initManager(…)`, `v, err :=
; o.getVerifier()`: a call through the receiver is read as the receiver's
; type's method). A call through another local (`rows := db.Query()` with
; `db` a parameter) types nothing. Not the built-ins.
((short_var_declaration
  left: (expression_list . (identifier) @local.name)
  right: (expression_list . (call_expression function: [(identifier) (selector_expression operand: (identifier))] @local.type)))
  (#not-any-of? @local.type "make" "new" "append" "len" "cap" "min" "max" "copy" "string" "int" "int64" "float64" "byte" "rune"))
; `var m *Manager`, `var ( b *bounce.Manager )`: the declared type; `var ( mgr =
; initManager(…) )`: what the function returns.
(var_spec
  name: (identifier) @local.name
  type: [(type_identifier) (qualified_type)] @local.type)
(var_spec
  name: (identifier) @local.name
  type: (pointer_type [(type_identifier) (qualified_type)] @local.type))
((var_spec
  name: (identifier) @local.name
  value: (expression_list . (call_expression function: [(identifier) (selector_expression operand: (identifier))] @local.type)))
  (#not-any-of? @local.type "make" "new" "append" "len" "cap" "min" "max" "copy" "string" "int" "int64" "float64" "byte" "rune"))

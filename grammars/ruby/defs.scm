; Ruby definitions: classes and modules (a module is a namespace and a mixin:
; both are classes here), with their superclass and the modules they
; `include`/`extend`/`prepend` as bases (a concern's methods are the class's;
; so are those of a module a Grape API gives to `helpers Mod`);
; methods and singleton methods (`def self.x`); blocks that are route
; handlers (Sinatra, Grape: see routes.scm); constants, class variables,
; class-level instance variables and globals; locals.

(class name: (_) @def.name) @def.class
(class
  name: (_) @def.name
  superclass: (superclass (_) @def.base)) @def.class
(class
  name: (_) @def.name
  body: (body_statement
    (call
      method: (identifier) @_inc
      arguments: (argument_list [(constant) (scope_resolution)] @def.base)))
  (#any-of? @_inc "include" "prepend" "extend" "helpers")) @def.class
(module name: (_) @def.name) @def.class
(module
  name: (_) @def.name
  body: (body_statement
    (call
      method: (identifier) @_inc
      arguments: (argument_list [(constant) (scope_resolution)] @def.base)))
  (#any-of? @_inc "include" "prepend" "extend")) @def.class

; `devise :database_authenticatable, :recoverable` in a model: the class is
; annotated with its modules (route tables: grammars/ruby/devise.toml).
((class
   name: (_) @def.target
   body: (body_statement
     (call
       !receiver
       method: (identifier) @_d
       arguments: (argument_list (simple_symbol) @def.annotation))))
  (#eq? @_d "devise"))

(method name: (_) @def.name) @def.function
; Methods after a bare `private`/`protected` are annotated with it: no
; action of a controller.
((class
   body: (body_statement
     (identifier) @def.annotation
     (method name: (_) @def.target)))
  (#any-of? @def.annotation "private" "protected"))
(singleton_method name: (_) @def.name) @def.function
; A method whose last statement builds an instance (`ModelProxy.new pod,
; self`) returns that class: a call on its result (`worker(…).restart`) is
; the class's method, or its `method_missing`.
((method
   name: (_) @def.name
   body: (body_statement
     (call
       receiver: [(constant) (scope_resolution)] @def.returns
       method: (identifier) @_new) .)) @def.function
  (#eq? @_new "new"))

; String constants: prefixes and paths written through them.
(assignment
  left: (constant) @def.name
  right: (string) @def.literal) @def.variable

; Constants, class variables, class-level instance variables and globals
; holding a mutable container: one value for the whole process.
((assignment
   left: [(constant) (class_variable) (global_variable)] @def.name
   right: [(hash) (array)]) @def.variable
  (#set! mutable))
((assignment
   left: [(constant) (class_variable) (global_variable)] @def.name
   right: (call receiver: (constant) @def.init method: (identifier) @_new)) @def.variable
  (#match? @def.init "^(Hash|Array|Set|Concurrent::Map|Concurrent::Hash|Concurrent::Array|ThreadSafe::Cache)$")
  (#eq? @_new "new")
  (#set! mutable))
; Class variables and globals are reassignable by any request, whatever they hold.
((assignment
   left: [(class_variable) (global_variable)] @def.name) @def.variable
  (#set! mutable))
; `@cache = {}` in a class body (outside methods): an instance variable of
; the class object itself, shared by every request.
((class
   body: (body_statement
     (assignment
       left: (instance_variable) @def.name
       right: [(hash) (array) (call)]) @def.variable))
  (#set! mutable))
((module
   body: (body_statement
     (assignment
       left: (instance_variable) @def.name
       right: [(hash) (array) (call)]) @def.variable))
  (#set! mutable))

; Locals: parameters and assignments shadow methods of the same name, wherever
; they are written in the function (a branch, a block: Ruby's scope is the
; method's, and a block sees the locals around it).
[(method_parameters (identifier) @local.name) (block_parameters (identifier) @local.name)
 (lambda_parameters (identifier) @local.name) (destructured_parameter (identifier) @local.name)
 (optional_parameter name: (identifier) @local.name) (keyword_parameter name: (identifier) @local.name)
 (splat_parameter name: (identifier) @local.name) (hash_splat_parameter name: (identifier) @local.name)
 (block_parameter name: (identifier) @local.name)]
[(assignment left: (identifier) @local.name) (operator_assignment left: (identifier) @local.name)
 (left_assignment_list (identifier) @local.name) (exception_variable (identifier) @local.name)
 (for pattern: (identifier) @local.name)]

; A Sinatra route's block is its handler.
((call
   !receiver
   method: (identifier) @_v
   arguments: (argument_list . (string))
   block: [(do_block) (block)] @def.function)
  (#any-of? @_v "get" "post" "put" "patch" "delete" "options" "head"))
; A Grape route's block: a symbol path, none, or `route :any, '*path'`.
((call
   !receiver
   method: (identifier) @_v
   arguments: (argument_list . (simple_symbol))
   block: [(do_block) (block)] @def.function)
  (#any-of? @_v "get" "post" "put" "patch" "delete" "options" "head"))
((call
   !receiver
   method: (identifier) @_v
   !arguments
   block: [(do_block) (block)] @def.function)
  (#any-of? @_v "get" "post" "put" "patch" "delete" "options" "head"))
((call
   !receiver
   method: (identifier) @_v
   arguments: (argument_list . (_) . [(string) (simple_symbol)])
   block: [(do_block) (block)] @def.function)
  (#eq? @_v "route"))
; A Grape API's `before do … end` / `after do … end` (and the validation
; ones): a hook of the routes declared beside it (routes.scm).
((call
   !receiver
   method: (identifier) @_h
   !arguments
   block: [(do_block) (block)] @def.function)
  (#any-of? @_h "before" "after" "before_validation" "after_validation"))
; A callback written as a block (`after_action only: [:create] do … end`): a
; method of the class named by its kind, which the callback below names (one
; such block per kind and class is followed).
((call
   method: (identifier) @def.name
   block: [(do_block) (block)] @def.function)
  (#match? @def.name "^(before|after|around)_action$"))
(call
  method: (identifier) @callback.kind @callback.name
  block: [(do_block) (block)]
  (#match? @callback.kind "^(before|after|around)_action$")) @callback
(call
  method: (identifier) @callback.kind @callback.name
  arguments: (argument_list
    (pair
      key: (hash_key_symbol) @_k
      value: [(array) (symbol_array) (simple_symbol)] @callback.only))
  block: [(do_block) (block)]
  (#match? @callback.kind "^(before|after|around)_action$")
  (#eq? @_k "only")) @callback
(call
  method: (identifier) @callback.kind @callback.name
  arguments: (argument_list
    (pair
      key: (hash_key_symbol) @_k
      value: [(array) (symbol_array) (simple_symbol)] @callback.except))
  block: [(do_block) (block)]
  (#match? @callback.kind "^(before|after|around)_action$")
  (#eq? @_k "except")) @callback
; Model callbacks (ActiveRecord, ActiveModel, Mongoid): `after_create
; :create_local_repo` (each symbol its own), `before_save do … end` (the
; block is a method of the class named by its kind: one per kind and class
; is followed). They run when the model's persistence methods do: the
; methods of each kind are the callback's actions (language.toml's
; `callback_actions`), and a call of one on the class or on a value named
; like it (`App.create!`, `user.save!`) reaches them (link/callbacks.rs,
; edge `lifecycle`).
((call
   !receiver
   method: (identifier) @def.name
   block: [(do_block) (block)] @def.function)
  (#match? @def.name "^((before|after|around)_(save|create|update|destroy)|(before|after)_validation|after_(commit|rollback)|after_(create|update|save|destroy)_commit)$"))
([(call
    !receiver
    method: (identifier) @callback.kind
    arguments: (argument_list (simple_symbol) @callback.name @callback))
  (call
    !receiver
    method: (identifier) @callback.kind @callback.name
    block: [(do_block) (block)]) @callback]
  (#match? @callback.kind "^((before|after|around)_(save|create|update|destroy)|(before|after)_validation|after_(commit|rollback)|after_(create|update|save|destroy)_commit)$"))
; `has_many :peas, dependent: :destroy` (or `has_one`): destroying the owner
; destroys each dependent, which runs the dependent class's destroy
; callbacks: a callback of the owner named `Pea.destroy` (link/callbacks.rs
; follows it as a call of `destroy` on that class). `dependent:
; :destroy_async` destroys them in a background job, off the request: not
; one.
((call
   !receiver
   method: (identifier) @callback.kind
   arguments: (argument_list
     . (simple_symbol) @callback.name
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (simple_symbol) @_how))) @callback
  (#any-of? @callback.kind "has_many" "has_one")
  (#match? @_k "^:?dependent$")
  (#eq? @_how ":destroy")
  (#set! callback.template "{camel_singular}.destroy"))
; An attachment Paperclip manages (`has_attached_file :file`): the
; declaration is a method of the model named for the attachment, which
; `record.file` calls, and a callback of its kind (language.toml's
; `callback_actions`): Paperclip writes the file when the record is saved
; and deletes it when the record is destroyed.
((call
   !receiver
   method: (identifier) @_attached
   arguments: (argument_list . (simple_symbol) @def.name)) @def.function
  (#eq? @_attached "has_attached_file")
  (#set! name_unquoted))
((call
   !receiver
   method: (identifier) @callback.kind
   arguments: (argument_list . (simple_symbol) @callback.name)) @callback
  (#eq? @callback.kind "has_attached_file"))
; `caches_page :index, :show` (actionpack-page_caching): after those actions
; the gem's PageCache#write stores the response as a file. An app that
; reopens the class (a monkeypatch) runs its own code there.
(call
  !receiver
  method: (identifier) @callback.kind @callback.name
  arguments: (argument_list) @callback.only
  (#eq? @callback.kind "caches_page")
  (#set! callback.method "ActionController::Caching::Pages::PageCache.write")) @callback
; Callbacks of a class's actions: `before_action :authenticate_user!,
; only: [:edit]` (also after/around, `skip_before_action`). Captures:
; @callback, @callback.kind, @callback.name, @callback.only, @callback.except.
; One whose condition holds only in development or test (`if: -> {
; Rails.env.development? }`, `unless: -> { Rails.env.production? }`) never
; runs on the production server: not a callback there.
(call
  method: (identifier) @callback.kind
  arguments: (argument_list
    (simple_symbol) @callback.name) @_args
  (#match? @callback.kind "^(skip_)?(before|after|around)_action$")
  (#set! callback.skip_prefix "skip_")
  (#not-match? @_args "(if:|:if\\s*=>)\\s*(->|lambda|proc)\\s*(\\{|do)\\s*Rails\\.env\\.(development|test)\\?\\s*(\\}|end)|(unless:|:unless\\s*=>)\\s*(->|lambda|proc)\\s*(\\{|do)\\s*Rails\\.env\\.production\\?\\s*(\\}|end)")) @callback
(call
  method: (identifier) @callback.kind
  arguments: (argument_list
    (simple_symbol) @callback.name
    (pair
      key: (hash_key_symbol) @_k
      value: [(array) (symbol_array) (simple_symbol)] @callback.only)) @_args
  (#match? @callback.kind "^(skip_)?(before|after|around)_action$")
  (#set! callback.skip_prefix "skip_")
  (#not-match? @_args "(if:|:if\\s*=>)\\s*(->|lambda|proc)\\s*(\\{|do)\\s*Rails\\.env\\.(development|test)\\?\\s*(\\}|end)|(unless:|:unless\\s*=>)\\s*(->|lambda|proc)\\s*(\\{|do)\\s*Rails\\.env\\.production\\?\\s*(\\}|end)")
  (#eq? @_k "only")) @callback
(call
  method: (identifier) @callback.kind
  arguments: (argument_list
    (simple_symbol) @callback.name
    (pair
      key: (hash_key_symbol) @_k
      value: [(array) (symbol_array) (simple_symbol)] @callback.except)) @_args
  (#match? @callback.kind "^(skip_)?(before|after|around)_action$")
  (#set! callback.skip_prefix "skip_")
  (#not-match? @_args "(if:|:if\\s*=>)\\s*(->|lambda|proc)\\s*(\\{|do)\\s*Rails\\.env\\.(development|test)\\?\\s*(\\}|end)|(unless:|:unless\\s*=>)\\s*(->|lambda|proc)\\s*(\\{|do)\\s*Rails\\.env\\.production\\?\\s*(\\}|end)")
  (#eq? @_k "except")) @callback

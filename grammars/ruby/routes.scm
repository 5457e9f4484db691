; Routes for Rails (config/routes.rb and the files it draws: the patterns
; set `framework "rails"`, which language.toml's framework_files ties to
; those files), Sinatra and Grape.
; Captures: @route, @route.path, @route.method, @route.handler,
; @route.resource, @route.only, @route.except; @mount, @mount.child,
; @mount.prefix, @mount.parent; @scope, @scope.module, @scope.handler;
; @shallow.
; Properties: route.actions, route.every_action, route.handler_sep,
; route.handler_class, route.handler_from_path, route.fixed_path,
; mount.inline, mount.parent_module, mount.router, mount.app,
; mount.prefix_template, mount.child_template, scope.template.
; Templates: `{}` the value, `{camel}` camelized with `/` as `::`,
; `{camels}` the same, plural, `{singular}` the singular.

; ---- resources :users (the seven actions; only:/except:)
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @route.path @route.resource @route.handler)) @route
  (#eq? @_r "resources")
  (#set! route.actions "index=GET;new=GET new;create=POST;show=GET :id;edit=GET :id/edit;update=PATCH :id;update=PUT :id;destroy=DELETE :id")
  (#set! route.every_action)
  (#set! route.handler_class "{camel}Controller")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
; resource :profile (no index, no :id; a plural controller)
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @route.path @route.resource @route.handler)) @route
  (#eq? @_r "resource")
  (#set! route.actions "new=GET new;create=POST;show=GET;edit=GET edit;update=PATCH;update=PUT;destroy=DELETE")
  (#set! route.every_action)
  (#set! route.handler_class "{camels}Controller")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list
     . (simple_symbol)
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (_) @route.only))) @route
  (#any-of? @_r "resources" "resource")
  (#match? @_k "^:?only$")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list
     . (simple_symbol)
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (_) @route.except))) @route
  (#any-of? @_r "resources" "resource")
  (#match? @_k "^:?except$")
  (#set! framework "rails"))

; A resource's block: nested resources under `users/:user_id`, member
; routes under `users/:id`, collection routes under `users`; routes in it
; without a controller of their own are its controller's actions.
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_r "resources")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! mount.prefix_template "{}/:{singular}_id")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_r "resource")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: (do_block
     (body_statement
       (call !receiver method: (identifier) @_m block: [(do_block) (block)] @mount.child)))) @mount
  (#eq? @_r "resources")
  (#eq? @_m "member")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! mount.prefix_template "{}/:id")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: (do_block
     (body_statement
       (call !receiver method: (identifier) @_m block: [(do_block) (block)] @mount.child)))) @mount
  (#any-of? @_r "resources" "resource")
  (#eq? @_m "collection")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @scope.handler)
   block: [(do_block) (block)] @scope)
  (#eq? @_r "resources")
  (#set! scope.template "{camel}Controller")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @scope.handler)
   block: [(do_block) (block)] @scope)
  (#eq? @_r "resource")
  (#set! scope.template "{camels}Controller")
  (#set! framework "rails"))

; ---- concerns: `concern :commentable do … end` is a router of its own,
; mounted under each resource that names it.
((call
   !receiver
   method: (identifier) @_c
   arguments: (argument_list . (simple_symbol) @mount.parent)
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_c "concern")
  (#set! mount.inline)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list
     . (simple_symbol) @mount.prefix
     (pair
       key: [(hash_key_symbol) (simple_symbol)] @_k
       value: [(simple_symbol) @mount.child (array (simple_symbol) @mount.child)]))) @mount
  (#eq? @_r "resources")
  (#match? @_k "^:?concerns$")
  (#set! mount.router)
  (#set! mount.parent_module)
  (#set! mount.prefix_template "{}/:{singular}_id")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: (do_block
     (body_statement
       (call
         !receiver
         method: (identifier) @_cs
         arguments: (argument_list (simple_symbol) @mount.child))))) @mount
  (#eq? @_r "resources")
  (#eq? @_cs "concerns")
  (#set! mount.router)
  (#set! mount.parent_module)
  (#set! mount.prefix_template "{}/:{singular}_id")
  (#set! framework "rails"))

; ---- namespace :admin do … end: a path prefix and a controller module.
((call
   !receiver
   method: (identifier) @_ns
   arguments: (argument_list . [(simple_symbol) (string)] @mount.prefix)
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_ns "namespace")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_ns
   arguments: (argument_list . [(simple_symbol) (string)] @scope.module)
   block: [(do_block) (block)] @scope)
  (#eq? @_ns "namespace")
  (#set! scope.template "{camel}::")
  (#set! framework "rails"))
; scope '/api', scope path: 'api', scope module: 'api'
((call
   !receiver
   method: (identifier) @_s
   arguments: (argument_list . [(string) (simple_symbol)] @mount.prefix)
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_s "scope")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_s
   arguments: (argument_list
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: [(string) (simple_symbol)] @mount.prefix))
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_s "scope")
  (#match? @_k "^:?path$")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_s
   arguments: (argument_list
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: [(string) (simple_symbol)] @scope.module))
   block: [(do_block) (block)] @scope)
  (#any-of? @_s "scope" "namespace")
  (#match? @_k "^:?module$")
  (#set! scope.template "{camel}::")
  (#set! framework "rails"))

; ---- get 'about', to: 'pages#about' / get 'about' => 'pages#about' / match … via:
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list
     . [(string) (simple_symbol)] @route.path
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (string) @route.handler))) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "match")
  (#match? @_k "^:?to$")
  (#set! route.handler_sep "#")
  (#set! route.every_action)
  (#set! route.handler_class "{camel}Controller")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list . (pair key: (string) @route.path value: (string) @route.handler))) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "match")
  (#set! route.handler_sep "#")
  (#set! route.every_action)
  (#set! route.handler_class "{camel}Controller")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_match
   arguments: (argument_list
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (_) @route.method))) @route
  (#eq? @_match "match")
  (#match? @_k "^:?via$")
  (#set! framework "rails"))
; get :search (inside a resource: its controller's action)
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list . [(simple_symbol) (string)] @route.path .)
   !block) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete")
  (#set! route.handler_from_path)
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
; root 'home#index' / root to: 'home#index'
((call
   !receiver
   method: (identifier) @_root
   arguments: (argument_list . (string) @route.handler)) @route
  (#eq? @_root "root")
  (#set! route.fixed_path "")
  (#set! route.default_method "GET")
  (#set! route.handler_sep "#")
  (#set! route.every_action)
  (#set! route.handler_class "{camel}Controller")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_root
   arguments: (argument_list
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (string) @route.handler))) @route
  (#eq? @_root "root")
  (#match? @_k "^:?to$")
  (#set! route.fixed_path "")
  (#set! route.default_method "GET")
  (#set! route.handler_sep "#")
  (#set! route.every_action)
  (#set! route.handler_class "{camel}Controller")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))

; get '/old', to: redirect('/new') / get '/old' => redirect('/new'): a
; route Rails serves itself (no controller).
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list
     . [(string) (simple_symbol)] @route.path
     (pair
       key: [(hash_key_symbol) (simple_symbol)] @_k
       value: (call !receiver method: (identifier) @_redirect)))) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "match")
  (#match? @_k "^:?to$")
  (#eq? @_redirect "redirect")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list
     . (pair key: (string) @route.path value: (call !receiver method: (identifier) @_redirect)))) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "match")
  (#eq? @_redirect "redirect")
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
; get :feed, on: :collection / post 'x', format: 'json', as: 'y': options
; that name no handler (the action is the path's).
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list
     . [(simple_symbol) (string)] @route.path
     . (pair key: [(hash_key_symbol) (simple_symbol)] @_k)
     .)
   !block) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete")
  (#not-match? @_k "^:?(to|controller|action|via)$")
  (#set! route.handler_from_path)
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list
     . [(simple_symbol) (string)] @route.path
     . (pair key: [(hash_key_symbol) (simple_symbol)] @_k)
     . (pair key: [(hash_key_symbol) (simple_symbol)] @_k2)
     .)
   !block) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete")
  (#not-match? @_k "^:?(to|controller|action|via)$")
  (#not-match? @_k2 "^:?(to|controller|action|via)$")
  (#set! route.handler_from_path)
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
; delete :memory, action: :destroy_memory: the path's name, another action.
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list
     . [(simple_symbol) (string)] @route.path
     . (pair
         key: [(hash_key_symbol) (simple_symbol)] @_k
         value: [(simple_symbol) (string)] @route.action)
     .)
   !block) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete")
  (#match? @_k "^:?action$")
  (#set! route.handler_from_path)
  (#set! route.strip_trailing_slash)
  (#set! route.drop "(.:format)")
  (#set! framework "rails"))
; ... on: :member (under `resources/:id`) or on: :collection (under
; `resources`) in a resource's block, instead of `resources/:resource_id`.
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: (do_block
     (body_statement
       (call
         !receiver
         arguments: (argument_list
           (pair key: [(hash_key_symbol) (simple_symbol)] @_on value: (simple_symbol) @_where))) @mount.child))) @mount
  (#eq? @_r "resources")
  (#match? @_on "^:?on$")
  (#eq? @_where ":member")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! mount.prefix_template "{}/:id")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list . (simple_symbol) @mount.prefix)
   block: (do_block
     (body_statement
       (call
         !receiver
         arguments: (argument_list
           (pair key: [(hash_key_symbol) (simple_symbol)] @_on value: (simple_symbol) @_where))) @mount.child))) @mount
  (#any-of? @_r "resources" "resource")
  (#match? @_on "^:?on$")
  (#eq? @_where ":collection")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "rails"))

; ---- mount Sidekiq::Web => '/sidekiq', mount Blog::Engine, at: '/blog':
; an app of its own, one catch-all route.
((call
   !receiver
   method: (identifier) @_m
   arguments: (argument_list . (pair key: (_) @mount.child value: (string) @mount.prefix))) @mount
  (#eq? @_m "mount")
  (#not-match? @mount.child "^(::)?ActionCable[.]server$")
  (#set! mount.app)
  (#set! mount.parent_module)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_m
   arguments: (argument_list
     . [(constant) (scope_resolution) (call)] @mount.child
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (string) @mount.prefix))) @mount
  (#eq? @_m "mount")
  (#match? @_k "^:?at$")
  (#not-match? @mount.child "^(::)?ActionCable[.]server$")
  (#set! mount.app)
  (#set! mount.parent_module)
  (#set! framework "rails"))

; ---- Action Cable: one websocket endpoint. Rails mounts the cable server at
; `/cable` (config.action_cable.mount_path) when the app has a connection
; class (`ApplicationCable::Connection < ActionCable::Connection::Base`) and
; channels: each of their methods (`connect`, `subscribed`, `receive`, actions)
; is a handler of `WS /cable` (merged into one route), and so is a class with
; none. `mount ActionCable.server => '/ws'` (or `, at: '/ws'`) names the path.
((class
   name: (_) @route.handler
   superclass: (superclass (_) @_base)
   !body) @route
  (#match? @_base "^(::)?(ApplicationCable::(Channel|Connection)|ActionCable::(Channel|Connection)::Base)$")
  (#set! route.default_method "WS")
  (#set! route.fixed_path "/cable")
  (#set! framework "action_cable"))
((class
   superclass: (superclass (_) @_base)
   body: (body_statement (method name: (identifier) @route.handler) @route))
  (#match? @_base "^(::)?(ApplicationCable::(Channel|Connection)|ActionCable::(Channel|Connection)::Base)$")
  (#set! route.default_method "WS")
  (#set! route.fixed_path "/cable")
  (#set! framework "action_cable"))
((call
   !receiver
   method: (identifier) @_m
   arguments: (argument_list
     . (pair key: (call receiver: (constant) @_ac method: (identifier) @_s) value: (string) @route.path))) @route
  (#eq? @_m "mount")
  (#eq? @_ac "ActionCable")
  (#eq? @_s "server")
  (#set! route.default_method "WS")
  (#set! framework "action_cable"))
((call
   !receiver
   method: (identifier) @_m
   arguments: (argument_list
     . (call receiver: (constant) @_ac method: (identifier) @_s)
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (string) @route.path))) @route
  (#eq? @_m "mount")
  (#eq? @_ac "ActionCable")
  (#eq? @_s "server")
  (#match? @_k "^:?at$")
  (#set! route.default_method "WS")
  (#set! framework "action_cable"))

; ---- devise_for :users (Devise): the routes of the modules the model
; declares, from the table grammars/ruby/devise.toml; `only:`/`skip:` name
; its groups, and its options (`controllers:`, `path:`, `path_names:`,
; `class_name:`) are read from @route.options.
((call
   !receiver
   method: (identifier) @_d
   arguments: (argument_list . (simple_symbol) @route.path @route.resource) @route.options) @route
  (#eq? @_d "devise_for")
  (#set! route.table "devise")
  (#set! route.strip_trailing_slash)
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_d
   arguments: (argument_list
     . (simple_symbol)
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (_) @route.only))) @route
  (#eq? @_d "devise_for")
  (#match? @_k "^:?only$")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_d
   arguments: (argument_list
     . (simple_symbol)
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (_) @route.except))) @route
  (#eq? @_d "devise_for")
  (#match? @_k "^:?skip$")
  (#set! framework "rails"))

; ---- draw(:admin): the routes of config/routes/admin.rb, here.
((call
   !receiver
   method: (identifier) @_d
   arguments: (argument_list . (simple_symbol) @mount.child)) @mount
  (#eq? @_d "draw")
  (#set! mount.parent_module)
  (#set! mount.child_template "routes/{}")
  (#set! framework "rails"))

; ---- Sinatra: get '/x' do … end (classic or in a Sinatra::Base subclass);
; a backslash in the pattern escapes the next character ('/\.well-known').
; Grape writes string paths the same way: the API class's router, else the
; app's dependencies, tell the two apart (Sinatra when neither does).
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list . (string) @route.path)
   block: [(do_block) (block)] @route.handler) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "head")
  (#set! route.backslash_escapes)
  (#set! framework "sinatra|grape"))

;; ---- Grape (outside the route table: language.toml's framework_files).
; Routes of a `Grape::API` class: `get :settings do … end`, `post do … end`
; (no path), `route :any, '*path' do … end`; a string path is the Sinatra
; pattern's (framework `sinatra|grape`). The handler is the verb's block.
((call
   !receiver
   method: (identifier) @route.method
   arguments: (argument_list . (simple_symbol) @route.path)
   block: [(do_block) (block)] @route.handler) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "head")
  (#set! framework "grape"))
((call
   !receiver
   method: (identifier) @route.method
   !arguments
   block: [(do_block) (block)] @route.handler) @route
  (#any-of? @route.method "get" "post" "put" "patch" "delete" "options" "head")
  (#set! route.path_optional)
  (#set! framework "grape"))
((call
   !receiver
   method: (identifier) @_route
   arguments: (argument_list
     . [(simple_symbol) (string) (array)] @route.method
     . [(string) (simple_symbol)] @route.path)
   block: [(do_block) (block)] @route.handler) @route
  (#eq? @_route "route")
  (#set! framework "grape"))
; namespace/resource/resources/group/segment :users do … end: a segment;
; route_param :id do … end: a parameter segment.
((call
   !receiver
   method: (identifier) @_ns
   arguments: (argument_list . [(simple_symbol) (string)] @mount.prefix)
   block: [(do_block) (block)] @mount.child) @mount
  (#any-of? @_ns "namespace" "resource" "resources" "group" "segment")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! framework "grape"))
((call
   !receiver
   method: (identifier) @_rp
   arguments: (argument_list . [(simple_symbol) (string)] @mount.prefix)
   block: [(do_block) (block)] @mount.child) @mount
  (#eq? @_rp "route_param")
  (#set! mount.inline)
  (#set! mount.parent_module)
  (#set! mount.prefix_template ":{}")
  (#set! framework "grape"))
; before do … end / after do … end (and before_validation, after_validation):
; an inline hook of the routes of the block or file it is written in (its
; block is a def: defs.scm). A filter limited to a path (Sinatra's `before
; '/admin/*' do`) is not one of these.
((call
   !receiver
   method: (identifier) @_h
   !arguments
   block: [(do_block) (block)] @mount.child) @mount
  (#any-of? @_h "before" "after" "before_validation" "after_validation")
  (#set! mount.inline_hook)
  (#set! mount.parent_module)
  (#set! framework "grape"))
; prefix 'api' and version 'v1' (using: :path, Grape's default; a header
; or parameter version adds no segment): the API file's own prefix.
((class
   superclass: (superclass (_) @_base)
   body: (body_statement
     (call
       !receiver
       method: (identifier) @_p
       arguments: (argument_list . [(string) (simple_symbol)] @router.prefix)))) @router.name
  (#match? @_base "^(::)?Grape::API$")
  (#eq? @_p "prefix")
  (#set! router.module)
  (#set! framework "grape"))
((class
   superclass: (superclass (_) @_base)
   body: (body_statement
     (call
       !receiver
       method: (identifier) @_v
       arguments: (argument_list . [(string) (simple_symbol)] @router.version) @_args))) @router.name
  (#match? @_base "^(::)?Grape::API$")
  (#eq? @_v "version")
  (#not-match? @_args "using(:|\\s*=>)\\s*:(header|param|accept_version_header)")
  (#set! router.module)
  (#set! framework "grape"))
; mount Other::API (its routes under the current path), mount Other => '/x'.
((call
   !receiver
   method: (identifier) @_m
   arguments: (argument_list . [(constant) (scope_resolution)] @mount.child .)) @mount
  (#eq? @_m "mount")
  (#set! mount.parent_module)
  (#set! mount.child_template "{}")
  (#set! framework "grape"))
((call
   !receiver
   method: (identifier) @_m
   arguments: (argument_list
     . (pair key: [(constant) (scope_resolution)] @mount.child value: (string) @mount.prefix))) @mount
  (#eq? @_m "mount")
  (#set! mount.parent_module)
  (#set! mount.child_template "{}")
  (#set! framework "grape"))

; ---- shallow nesting: `resources :comments, shallow: true` (with what its
; block nests) and a `shallow do … end` block. A nested resource's member
; routes drop the resources around it (`/comments/:id`), its collection
; routes keep only their parent (`/articles/:article_id/comments`).
((call
   !receiver
   method: (identifier) @_r
   arguments: (argument_list
     . (simple_symbol)
     (pair key: [(hash_key_symbol) (simple_symbol)] @_k value: (true)))) @shallow
  (#any-of? @_r "resources" "resource")
  (#match? @_k "^:?shallow$")
  (#set! shallow.nest ":{singular}_id")
  (#set! shallow.member ":id")
  (#set! framework "rails"))
((call
   !receiver
   method: (identifier) @_s
   block: [(do_block) (block)]) @shallow
  (#eq? @_s "shallow")
  (#set! shallow.nest ":{singular}_id")
  (#set! shallow.member ":id")
  (#set! framework "rails"))

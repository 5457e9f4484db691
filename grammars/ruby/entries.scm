; Where a Ruby web app starts: the Rails application class and its
; configuration files (config/application.rb, config/environments/*.rb,
; initializers), the route table, a Rack `config.ru`, a Sinatra or Grape app.

((class superclass: (superclass (_) @_base)) @entry
  (#match? @_base "^(::)?(Rails::Application|Sinatra::Base|Sinatra::Application|Grape::API)$"))
; Top-level statements only: `Rails.application.config.x` read inside a
; controller, or a `run` inside a method, starts nothing. Initializers are
; entries by their folder (`entry_files` in language.toml).
(program
  (call
    receiver: (call receiver: (constant) @_rails method: (identifier) @_app)
    method: (identifier) @_m) @entry
  (#eq? @_rails "Rails")
  (#eq? @_app "application")
  (#any-of? @_m "configure" "routes" "config"))
(program
  (call
    receiver: (call
      receiver: (call receiver: (constant) @_rails method: (identifier) @_app)
      method: (identifier) @_routes)
    method: (identifier) @_draw) @entry
  (#eq? @_rails "Rails")
  (#eq? @_draw "draw"))
(program
  (call !receiver method: (identifier) @_run) @entry
  (#eq? @_run "run"))
(program
  (call
    !receiver
    method: (identifier) @_req
    arguments: (argument_list . (string (string_content) @_lib))) @entry
  (#eq? @_req "require")
  (#match? @_lib "^sinatra(/base)?$"))

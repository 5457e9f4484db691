; PHP calls: functions (`helper()`, `\App\helper()`), methods
; (`$this->orders->place()`, `$user?->save()`), static calls
; (`User::find()`, `self::make()`) and `new T(...)` (a call of T).
; Controllers named in route declarations are handlers (routes.scm), not
; calls of the routes file. Names read as dotted names through
; `name_rewrites` in language.toml (`$this->orders->place` → `this.orders.place`).

(function_call_expression
  function: [(name) (qualified_name)] @call.callee)
(member_call_expression) @call.callee
(nullsafe_member_call_expression) @call.callee
(scoped_call_expression) @call.callee
(object_creation_expression [(name) (qualified_name)] @call.callee)

; A service taken from the container and called at once (`app(X::class)->run()`,
; `resolve(X::class)->run()`, `App::make(X::class)->run()`,
; `app()->make(X::class)->run()`): a call of X's method.
(member_call_expression
  object: (function_call_expression
    function: (name) @_app
    arguments: (arguments . (argument (class_constant_access_expression . [(name) (qualified_name)] @call.object . (name) @_class)) .))
  name: (name) @call.callee
  (#any-of? @_app "app" "resolve")
  (#eq? @_class "class"))
(member_call_expression
  object: [(scoped_call_expression
             scope: (name) @_app
             name: (name) @_make
             arguments: (arguments . (argument (class_constant_access_expression . [(name) (qualified_name)] @call.object . (name) @_class))))
           (member_call_expression
             object: (function_call_expression function: (name) @_app)
             name: (name) @_make
             arguments: (arguments . (argument (class_constant_access_expression . [(name) (qualified_name)] @call.object . (name) @_class))))]
  name: (name) @call.callee
  (#any-of? @_app "App" "app" "Container")
  (#any-of? @_make "make" "makeWith" "get")
  (#eq? @_class "class"))

; A method called on what a static call returns
; (`TranscodeStrategyFactory::make($type)->getTranscodeLocation($song)`), read
; `TranscodeStrategyFactory.make.getTranscodeLocation`: the method of the class
; the called method declares it returns (`@def.returns`, src/link/returned.rs).
(member_call_expression
  object: (scoped_call_expression) @call.object
  name: (name) @call.callee)

; A method called on an object made in place (`(new Streamer($song))->stream()`,
; `(new SongZipArchive())->addSongs($songs)`): a call of the class's method.
(member_call_expression
  object: (parenthesized_expression
    (object_creation_expression [(name) (qualified_name)] @call.object))
  name: (name) @call.callee)

; A job handed to a dispatcher (`dispatch(new ScanJob($dir))`,
; `Bus::dispatchSync(new X)`, a facade's `Jobs::dispatch(new X)`) or
; dispatched by its class (`ScanJob::dispatch($dir)`, Laravel's `Dispatchable`)
; runs its `handle()`: inline on the `sync` queue, else on a worker. A class
; without `handle()` (an event's `OtpGenerated::dispatch(...)`, `Bus`) is no
; call of it.
((function_call_expression
   function: (name) @_d
   arguments: (arguments (argument (object_creation_expression [(name) (qualified_name)] @call.callee))))
  (#any-of? @_d "dispatch" "dispatch_sync" "dispatch_now")
  (#set! call.member "handle"))
((_
   name: (name) @_d
   arguments: (arguments (argument (object_creation_expression [(name) (qualified_name)] @call.callee))))
  (#any-of? @_d "dispatch" "dispatchSync" "dispatchNow" "dispatchAfterResponse")
  (#set! call.member "handle"))
((scoped_call_expression
   scope: [(name) (qualified_name)] @call.callee
   name: (name) @_d)
  (#any-of? @_d "dispatch" "dispatchSync" "dispatchNow" "dispatchIf" "dispatchUnless" "dispatchAfterResponse")
  (#set! call.member "handle"))

; A member read off a variable and passed on (`new FeedBuilder($container->bookmarkService)`,
; `f($this->container->conf)`): a value, followed only to the container's factory
; stored under that key (src/link/slots.rs). Not the object's own field (`$this->conf`).
((argument
   (member_access_expression
     object: [(variable_name) (member_access_expression)]) @call.value)
  (#not-match? @call.value "^\\$this->[A-Za-z_0-9]+$"))

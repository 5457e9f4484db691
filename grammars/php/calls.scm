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

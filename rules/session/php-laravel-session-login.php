<?php
class LoginController extends Controller
{
    // ok: the skeleton's trait, shipped whether or not it is routed
    use AuthenticatesUsers;

    public function callback($user, Request $request)
    {
        Auth::guard()->login($user);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-login
        Auth::attempt($request->only('email', 'password'));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-login
        $request->session()->invalidate();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-login
        // ok: a token guard's check
        Auth::guard('api')->check();
        // ok: a JWT attempt
        JWTAuth::attempt($credentials);
        // ok: another trait
        return 1;
    }
}

<?php
class CartController {
    public function touch($request) {
        session()->put('cart.touched', now());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-used
        $request->session()->forget('cart');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-used
        Session::flash('status', 'ok');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-used
        return Socialite::driver('google')->redirect();
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-used
        session(['cart.step' => 2]);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-used
        // ok: the helper called bare, or with an array given to another helper
        $store = session();
        config(['cart.step' => 2]);
        // ok: a stateless OAuth flow keeps nothing in the session
        $user = Socialite::driver('google')->stateless()->user();
        // ok: a cache, not the session
        cache()->put('cart', 1);
        // ok: a session id read from a header
        $id = $request->header('X-Session');
    }
}

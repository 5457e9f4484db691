<?php
return [
    'private_key' => env('PASSPORT_PRIVATE_KEY'),
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-passport-key-files
    // ok: the public key (the private key's finding stands for the pair)
    'public_key' => env('PASSPORT_PUBLIC_KEY'),
    // ok: another setting
    'connection' => env('PASSPORT_CONNECTION'),
];

class AuthServiceProvider extends ServiceProvider
{
    public function boot()
    {
        Passport::loadKeysFrom(__DIR__.'/../secrets/oauth');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-passport-key-files
        // ok: the token lifetime
        Passport::tokensExpireIn(now()->addDays(15));
    }
}

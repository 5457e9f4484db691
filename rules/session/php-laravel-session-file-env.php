<?php
return [
    'driver' => env('SESSION_DRIVER', 'file'),
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-session-file-env
    // ok: a shared store by default
    'connection' => env('SESSION_DRIVER', 'redis'),
    // ok: another setting's default
    'files' => env('SESSION_FILES', 'file'),
];

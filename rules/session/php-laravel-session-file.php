<?php
return [
    'driver' => 'file',
//  ^^^^^^^^^^^^^^^^^^ session/php-laravel-session-file
    // ok: a nested store's driver is no session driver
    'stores' => ['file' => ['driver' => 'file']],
    // ok: read from the environment (advisory rule)
    'lifetime' => env('SESSION_LIFETIME', 120),
];

<?php
return [
    'default' => 'file',
//  ^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-local
    'fallback' => env('CACHE_STORE', 'array'),
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-local
    // ok: a shared store
    'shared' => env('CACHE_DRIVER', 'redis'),
    // ok: a store defined, not chosen
    'stores' => ['array' => ['driver' => 'array']],
];

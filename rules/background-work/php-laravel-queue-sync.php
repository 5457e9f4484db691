<?php
return [
    'default' => env('QUEUE_CONNECTION', 'sync'),
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/php-laravel-queue-sync
    // ok: a real queue by default
    'other' => env('QUEUE_CONNECTION', 'sqs'),
    // ok: a package's setting that follows the app's queue
    'queue_connection_name' => env('QUEUE_CONNECTION', 'sync'),
    // ok: a connection defined, not chosen
    'connections' => ['sync' => ['driver' => 'sync']],
];

<?php
return [
    'default' => env('LOG_CHANNEL', 'stack'),
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-laravel-storage-default
    'log' => env('APP_LOG', 'single'),
//           ^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-laravel-storage-default
    'compiled' => realpath(storage_path('framework/views')),
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-laravel-storage-default
    // ok: logs to stderr, which the platform collects
    'channel' => env('LOG_CHANNEL', 'stderr'),
    // ok: another storage folder, read by the app it deploys with
    'path' => storage_path('app/public'),
];

<?php
return [
    'storage_driver' => env('STORAGE_DRIVER', 'local') ?: 'local',
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-media-storage
    'media_disk' => env('MEDIA_DISK', 'local'),
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-media-storage
    'default' => env('FILESYSTEM_DISK', env('FILESYSTEM_DRIVER', 'local')),
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-media-storage
    // ok: a shared store by default
    'upload_disk' => env('UPLOAD_DISK', 's3'),
    // ok: a setting that is not where files are kept
    'log_level' => env('LOG_LEVEL', 'local'),
    // ok: a path, not a driver
    'media_path' => env('MEDIA_PATH'),
    // ok: a disk's own driver (php-laravel-local-disk)
    'local' => ['driver' => 'local', 'root' => storage_path('app')],
];

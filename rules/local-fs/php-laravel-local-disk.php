<?php
return [
    'disks' => [
        'icons' => [
//      ^^^^^^^^^^^ local-fs/php-laravel-local-disk
            'driver' => 'local',
            'root' => storage_path('app/public/icons'),
        ],
        // ok: a bucket
        's3' => [
            'driver' => 's3',
            'bucket' => env('AWS_BUCKET'),
        ],
    ],
];

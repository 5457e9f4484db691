<?php
return [
    'disk_name' => env('MEDIA_DISK', 'public'),
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-medialibrary-disk-default
    // ok: a shared disk by default
    'other' => ['disk_name' => env('MEDIA_DISK', 's3')],
    // ok: another setting read from the same place
    'queue_name' => env('MEDIA_QUEUE', 'public'),
];

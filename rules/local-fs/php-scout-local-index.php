<?php
return [
    'driver' => env('SCOUT_DRIVER', 'tntsearch'),
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-scout-local-index
    // ok: a search engine every instance reaches
    'fallback' => env('SCOUT_DRIVER', 'meilisearch'),
    // ok: another key
    'engine' => env('SEARCH_ENGINE', 'tntsearch'),
    'tntsearch' => [
        'storage' => storage_path(),
    ],
];

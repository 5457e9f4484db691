<?php

return [
    'default' => env('QUEUE_CONNECTION', 'sync'),
    'connections' => [
        'sync' => ['driver' => 'sync'],
        'sqs' => ['driver' => 'sqs', 'queue' => env('SQS_QUEUE', 'default')],
    ],
];

<?php
function upload($body) {
    $s3 = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/php-cloud-sdk
    $gcs = new \Google\Cloud\Storage\StorageClient();
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/php-cloud-sdk
    $blobs = BlobRestProxy::createBlobService($conn);
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/php-cloud-sdk
    $pusher = new Pusher($key, $secret, $appId);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/php-cloud-sdk
    // ok: a class merely named like the SDK
    $p = new PusherEvent();
    // ok: an HTTP client is no cloud SDK
    $c = new HttpClient();
    $r = new RedisClient();
}

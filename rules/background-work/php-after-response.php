<?php
function checkout($user) {
    SendReceipt::dispatch($user)->afterResponse();
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/php-after-response
    fastcgi_finish_request();
//  ^^^^^^^^^^^^^^^^^^^^^^^^ background-work/php-after-response
    // ok: a queued job
    SendReceipt::dispatch($user);
}

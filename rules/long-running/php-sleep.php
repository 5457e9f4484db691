<?php
function export() {
    set_time_limit(0);
//  ^^^^^^^^^^^^^^^^^ long-running/php-sleep
    sleep(5);
//  ^^^^^^^^ long-running/php-sleep
    // ok: a bounded time limit
    set_time_limit(30);
    // ok: a method named sleep on a job object
    $job->sleep();
}

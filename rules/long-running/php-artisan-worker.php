<?php
class CronController extends Controller
{
    public function __invoke($token)
    {
        Artisan::call('schedule:run');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-artisan-worker
        \Illuminate\Support\Facades\Artisan::call("queue:work", ['--once' => true]);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-artisan-worker
        // ok: a one-off command (long-running/php-artisan-call)
        Artisan::call('migrate', ['--force' => true]);
        // ok: queued, not run in the request
        Artisan::queue('schedule:run');
    }
}

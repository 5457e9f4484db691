<?php
class DatabaseController extends Controller
{
    public function store()
    {
        Artisan::call('migrate:fresh', ['--force' => true]);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-artisan-call
        // ok: a quick cache command
        Artisan::call('config:clear');
        // ok: the scheduler (long-running/php-artisan-worker)
        Artisan::call('schedule:run');
    }
}

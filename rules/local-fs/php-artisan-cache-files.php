<?php
class SystemController extends Controller
{
    public function optimize()
    {
        $code = Artisan::call('config:cache');
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-artisan-cache-files
        \Illuminate\Support\Facades\Artisan::call("optimize:clear");
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-artisan-cache-files
        // ok: the application cache (the cache rules judge its store)
        Artisan::call('cache:clear');
        // ok: another command
        Artisan::call('migrate', ['--force' => true]);
        // ok: a command whose name only starts the same
        Artisan::call('config:show');
    }
}

<?php
function systemsettings($key) {
    $settings = Cache::rememberForever('systemsettings', function () {
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-used
        return Setting::all();
    });
    $version = cache()->get('version');
//             ^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-used
    cache(['seen' => true], 60);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-used
    // ok: forgetting a key keeps nothing
    Cache::forget('systemsettings');
    // ok: a named store, not the default one
    Cache::store('redis')->get('shared');
    // ok: the cache manager itself, no value
    $manager = cache();
    // ok: another class's get
    Config::get('app.name');
    return $settings[$key] ?? null;
}

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
    Cache::set('login.' . $token, $userId, 300);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-used
    // ok: a lookup memoized for a bounded time (in-memory-cache/php-laravel-cache-memo)
    $latest = Cache::remember('latest', 3600, fn () => fetchLatest());
    $audio = Cache::get("app.composite-tokens.$apiToken");
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-used
    Cache::put('settings', $settings);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-used
    // ok: a fixed key read, or put with a TTL (php-laravel-cache-memo)
    Cache::get('license_status');
    Cache::put(self::STATUS_KEY, $status, 3600);
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

<?php
function latestVersion() {
    return Cache::remember('latest-version', now()->addDay(), fn () => fetchLatest());
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-memo
}
function countryOf($ip) {
    return cache()->remember("geo.$ip", 3600, fn () => lookup($ip));
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-memo
}
function settings() {
    // ok: remembered forever, state (in-memory-cache/php-laravel-cache-used)
    return Cache::rememberForever('settings', fn () => Setting::all());
}
function issueToken($user) {
    // ok: a token put for another request to read (in-memory-cache/php-laravel-cache-used)
    Cache::set('login.' . $user->id, 'token', 300);
}
function licenseStatus() {
    if (Cache::has('license_status')) {
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-memo
        return Cache::get(self::STATUS_KEY);
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-memo
    }
    Cache::put('license_status', $status, now()->addWeek());
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/php-laravel-cache-memo
    // ok: a fixed key kept until a write forgets it (php-laravel-cache-used)
    Cache::put('settings', $settings);
    // ok: a key built per call (php-laravel-cache-used)
    Cache::get("tokens.$token");
}

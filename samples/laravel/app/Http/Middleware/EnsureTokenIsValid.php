<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

class EnsureTokenIsValid
{
    private static array $seen = [];

    public function handle(Request $request, Closure $next)
    {
        self::$seen[$request->bearerToken()] = true;
        return $next($request);
    }
}

<?php

namespace App\Middleware;

class RateLimit
{
    private static array $hits = [];

    public function __invoke($request, $handler)
    {
        $ip = $request->getServerParams()['REMOTE_ADDR'] ?? 'unknown';
        self::$hits[$ip] = (self::$hits[$ip] ?? 0) + 1;
        return $handler->handle($request);
    }
}

<?php
return Application::configure(basePath: dirname(__DIR__))
    ->withMiddleware(function (Middleware $middleware) {
        $middleware->statefulApi();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-sanctum-stateful
        // ok: another middleware setting
        $middleware->trustProxies(at: '*');
    });

class Kernel extends HttpKernel
{
    protected $middlewareGroups = [
        'api' => [
            \Laravel\Sanctum\Http\Middleware\EnsureFrontendRequestsAreStateful::class,
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-laravel-sanctum-stateful
            'throttle:api',
        ],
        'web' => [
            // ok: the web group starts the session anyway
            EnsureFrontendRequestsAreStateful::class,
        ],
    ];
}

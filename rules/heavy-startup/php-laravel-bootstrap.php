<?php
$app = new Illuminate\Foundation\Application(dirname(__DIR__));
//     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/php-laravel-bootstrap
return Application::configure(basePath: dirname(__DIR__))->create();
//     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/php-laravel-bootstrap
// ok: another application class
$console = new Symfony\Component\Console\Application();

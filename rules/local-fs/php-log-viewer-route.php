<?php
use Illuminate\Support\Facades\Route;
use Rap2hpoutre\LaravelLogViewer\LogViewerController;

Route::get('system/logs', [LogViewerController::class, 'index']);
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-log-viewer-route
Route::get('logs', '\Rap2hpoutre\LaravelLogViewer\LogViewerController@index');
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-log-viewer-route
// ok: another controller
Route::get('links', [LinkController::class, 'index']);

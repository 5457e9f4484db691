<?php

use App\Http\Controllers\CommentController;
use App\Http\Controllers\OrderController;
use App\Http\Controllers\PhotoController;
use App\Http\Controllers\ReportController;
use App\Http\Middleware\EnsureTokenIsValid;
use Illuminate\Support\Facades\Route;

Route::get('/status', fn () => ['ok' => true]);

Route::apiResource('photos', PhotoController::class);
Route::apiResource('photos.comments', CommentController::class)->only(['index', 'store']);

Route::prefix('v1')->middleware([EnsureTokenIsValid::class])->group(function () {
    Route::post('/orders', [OrderController::class, 'store']);
    Route::get('/orders/{order}', [OrderController::class, 'show']);
    Route::get('/reports/monthly', ReportController::class);
});

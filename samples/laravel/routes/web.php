<?php

use App\Http\Controllers\Admin\ExportController;
use App\Http\Controllers\UploadController;
use Illuminate\Support\Facades\Route;

Route::view('/', 'welcome');

Route::post('/uploads', [UploadController::class, 'store'])->name('uploads.store');

Route::group(['prefix' => 'admin', 'middleware' => 'auth'], function () {
    Route::get('/exports/{id}', 'App\Http\Controllers\Admin\ExportController@download');
    Route::controller(ExportController::class)->group(function () {
        Route::post('/exports', 'start');
    });
});

Route::match(['get', 'post'], '/cart', function () {
    session()->put('cart.touched', now());
    return view('cart');
});

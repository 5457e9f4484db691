<?php

namespace App\Http\Controllers;

class ReportController extends Controller
{
    public function __invoke()
    {
        $csv = shell_exec('php artisan report:monthly --stdout');
        return response($csv)->header('Content-Type', 'text/csv');
    }
}

<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;

class ExportController extends Controller
{
    public function download($id)
    {
        return response()->download(storage_path("exports/{$id}.zip"));
    }

    public function start()
    {
        set_time_limit(0);
        file_put_contents(storage_path('exports/latest.json'), json_encode(['started' => time()]));
        sleep(5);
        return redirect()->back();
    }
}

<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class UploadController extends Controller
{
    public function store(Request $request)
    {
        $name = basename($_FILES['doc']['name']);
        move_uploaded_file($_FILES['doc']['tmp_name'], storage_path('app/docs/' . $name));
        return back();
    }
}

<?php

namespace App\Http\Controllers;

use App\Models\Photo;
use App\Services\Thumbnails;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Storage;

class PhotoController extends Controller
{
    public function __construct(private Thumbnails $thumbnails)
    {
    }

    public function index()
    {
        return Photo::latest()->paginate(20);
    }

    public function store(Request $request)
    {
        $path = $request->file('photo')->store('photos');
        $photo = Photo::create(['path' => $path]);
        $this->thumbnails->make($photo);
        return $photo;
    }

    public function show(Photo $photo)
    {
        return $photo;
    }

    public function update(Request $request, Photo $photo)
    {
        $photo->update($request->validated());
        return $photo;
    }

    public function destroy(Photo $photo)
    {
        Storage::disk('s3')->delete($photo->path);
        $photo->delete();
        return response()->noContent();
    }
}

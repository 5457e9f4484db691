<?php

namespace App\Services;

use App\Models\Photo;

class Thumbnails
{
    public function make(Photo $photo)
    {
        exec('convert ' . escapeshellarg($photo->path) . ' -resize 200x200 thumb.jpg');
    }
}

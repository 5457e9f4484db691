<?php

namespace App\Http\Controllers;

use App\Models\Photo;
use Illuminate\Http\Request;

class CommentController extends Controller
{
    public function index(Photo $photo)
    {
        return $photo->comments;
    }

    public function store(Request $request, Photo $photo)
    {
        $comment = $photo->comments()->create($request->only('body'));
        broadcast(new \App\Events\CommentPosted($comment))->toOthers();
        return $comment;
    }
}

<?php
class DownloadController
{
    public function song(Song $song)
    {
        return response()->download($song->path);
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-file-served
    }

    public function avatar(string $path)
    {
        return response()->file($path);
//             ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-file-served
    }

    public function zip(array $paths, ZipArchive $archive)
    {
        foreach ($paths as $path) {
            $archive->addFile($path, basename($path));
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-file-served
        }
        return new BinaryFileResponse($path);
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-file-served
    }

    public function stream(string $path)
    {
        $resource = new FileResource($path, 'audio/mpeg');
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-local-file-served
        readfile($path);
//      ^^^^^^^^^^^^^^^ local-fs/php-local-file-served
    }

    public function shipped()
    {
        // ok: files shipped with the app
        response()->file(resource_path('assets/img/covers/default.png'));
        response()->download(public_path('manual.pdf'));
        response()->download('docs/terms.pdf');
        readfile(base_path('.version'));
        // ok: JSON, not a file
        return response()->json($data);
    }
}

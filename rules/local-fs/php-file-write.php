<?php
function upload($request, $name) {
    move_uploaded_file($_FILES['doc']['tmp_name'], 'uploads/' . $name);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    file_put_contents('cache/latest.json', '{}');
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    $f = fopen('log.txt', 'a');
//       ^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    Storage::disk('local')->put('a.txt', 'x');
//  ^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    $path = $request->file('photo')->store('photos');
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    rename($tmp, 'uploads/' . $name);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    File::put(base_path('.env'), $env);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    $file = $request->file->move(storage_path('tmp'), $name);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    $request->file('song')->move($dir);
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
    // ok: a model's move, not an upload's
    $playlist->songs->move($from, $to);
    // ok: reading through the File facade
    $env = File::get(base_path('.env'));
    // ok: a directory alone is no write
    mkdir("uploads");
    // ok: reading a file
    $r = fopen('data.csv', 'r');
    // ok: object storage
    Storage::disk('s3')->put('a.txt', 'x');
    // ok: stored on a named disk
    $path = $request->file('photo')->store('photos', 's3');
    // ok: a scratch file in the temp folder, through a variable
    $manifest = tempnam(sys_get_temp_dir(), 'scan_') . '.json';
    File::put($manifest, $chunk);
    file_put_contents(sys_get_temp_dir() . '/x.json', $chunk);
    $keep = storage_path('app/tmp_name.json');
    File::put($keep, $chunk);
//  ^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/php-file-write
}

<?php
function thumbnail($path) {
    exec('convert ' . escapeshellarg($path) . ' thumb.jpg');
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-process
    $out = shell_exec('ls');
//         ^^^^^^^^^^^^^^^^ long-running/php-process
    $list = `ls -la`;
//          ^^^^^^^^ long-running/php-process
    // ok: a method named exec on an object (PDO) is no process
    $pdo->exec('DELETE FROM t');
    // ok: escaping an argument runs nothing
    $arg = escapeshellarg($path);
    $result = Process::timeout(300)->run([$ffmpeg, '-i', $path, $out]);
//            ^^^^^^^^^^^^^^^^^^^^^ long-running/php-process
    $worker = new Process(['php', 'artisan', 'scan:chunk', $manifest]);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-process
    // ok: a model's method named run, a class named Processor
    $job->run();
    $p = new Processor($path);
}

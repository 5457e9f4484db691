<?php
function proxy($stream) {
    while (!feof($stream) && !connection_aborted()) {
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-stream-until-disconnect
        echo fread($stream, 8192);
        flush();
    }
}
function events() {
    while (!connection_aborted()) {
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-stream-until-disconnect
        echo "data: ping\n\n";
        sleep(1);
    }
}
function copy_file($in, $out) {
    // ok: a loop bounded by the file's end
    while (!feof($in)) {
        fwrite($out, fread($in, 8192));
    }
    // ok: a check after the work, not a loop condition
    if (connection_aborted()) {
        return;
    }
}

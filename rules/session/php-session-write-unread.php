<?php
function validate($errors) {
    $_SESSION['errors'] = $errors;
//  ^^^^^^^^^^^^^^^^^^^ session/php-session-write-unread
    $_SESSION['history'][] = $errors;
//  ^^^^^^^^^^^^^^^^^^^^ session/php-session-write-unread
    unset($_SESSION['token']);
//        ^^^^^^^^^^^^^^^^^^ session/php-session-write-unread
    // ok: session_start() is session/php-session-start
    session_start();
    // ok: reads, which make a write of their key a blocker instead
    $id = $_SESSION['user_id'];
    if (isset($_SESSION['token'])) {
        check($_SESSION['token']);
    }
}

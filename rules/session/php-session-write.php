<?php
function login($user) {
    // ok: starting the session is session/php-session-start
    session_start();
    $_SESSION['user_id'] = $user->id;
//  ^^^^^^^^^^^^^^^^^^^^ session/php-session-write
    $_SESSION['history'][] = $user->id;
//  ^^^^^^^^^^^^^^^^^^^^ session/php-session-write
    $_SESSION['visits']++;
//  ^^^^^^^^^^^^^^^^^^^ session/php-session-write
    unset($_SESSION['token']);
//        ^^^^^^^^^^^^^^^^^^ session/php-session-write
    $_SESSION = array();
//  ^^^^^^^^^ session/php-session-write
    // ok: a read of what a write above put there
    $id = $_SESSION['user_id'];
    if (isset($_SESSION['token'])) {
        check($_REQUEST['token'], $_SESSION['token']);
    }
    // ok: a session id passed along is no session store
    $sid = session_id_from($user);
    // ok: an array named like a session
    $session['user_id'] = 1;
}

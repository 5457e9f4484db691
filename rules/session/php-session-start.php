<?php
function login($user) {
    session_start();
//  ^^^^^^^^^^^^^^^ session/php-session-start
    $_SESSION['user_id'] = $user->id;
//  ^^^^^^^^^^^^^^^^^^^^ session/php-session-start
    // ok: a session id passed along is no session store
    $sid = session_id_from($user);
    // ok: an array named like a session
    $session['user_id'] = 1;
}

<?php
function login($user) {
    session_start();
//  ^^^^^^^^^^^^^^^ session/php-session-start
    // ok: writes and reads are session/php-session-write and session/php-session-read
    $_SESSION['user_id'] = $user->id;
    unset($_SESSION['token']);
    $id = $_SESSION['user_id'];
    // ok: a function of another name
    session_id_from($user);
}

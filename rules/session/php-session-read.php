<?php
function boot() {
    // ok: starting the session is session/php-session-start
    session_start();
}
function show($user) {
    $id = $_SESSION['user_id'];
//        ^^^^^^^^^^^^^^^^^^^^ session/php-session-read
    if (isset($_SESSION['token'])) {
//            ^^^^^^^^^^^^^^^^^^ session/php-session-read
        check($_REQUEST['token'], $_SESSION['token']['value']);
//                                ^^^^^^^^^^^^^^^^^^ session/php-session-read
    }
    $_SESSION['visits']++;
//  ^^^^^^^^^^^^^^^^^^^ session/php-session-read
    $_SESSION['trail'] .= '/show';
//  ^^^^^^^^^^^^^^^^^^ session/php-session-read
    echo "Hello {$_SESSION['name']}";
//               ^^^^^^^^^^^^^^^^^ session/php-session-read
    return $_SESSION['cart'] ?? [];
//         ^^^^^^^^^^^^^^^^^ session/php-session-read
}
function store($user) {
    // ok: writes, not reads
    $_SESSION['user_id'] = $user->id;
    $_SESSION['history'][] = $user->id;
    unset($_SESSION['token']);
    $_SESSION = array();
    // ok: an array named like a session
    $id = $session['user_id'];
}

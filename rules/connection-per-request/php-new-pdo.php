<?php
function orders($dsn) {
    $pdo = new PDO($dsn, 'app', 'secret');
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/php-new-pdo
    $db = mysqli_connect('db', 'app', 'secret');
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/php-new-pdo
    // ok: a statement on an existing connection
    $stmt = $pdo->prepare('SELECT 1');
    // ok: another class
    $x = new PDOStatementWrapper($stmt);
}

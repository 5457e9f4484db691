<?php
class Chat implements MessageComponentInterface { public function onMessage($from, $msg) {} }
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/php-websocket-server
function serve() {
    $server = IoServer::factory(new HttpServer(new WsServer(new Chat())), 8080);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/php-websocket-server
    header('Content-Type: text/event-stream');
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/php-websocket-server
    // ok: a JSON response
    header('Content-Type: application/json');
    // ok: broadcasting to Pusher/Reverb is an HTTP call
    broadcast(new OrderShipped($order));
}

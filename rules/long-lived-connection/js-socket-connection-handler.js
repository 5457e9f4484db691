const { Server } = require('socket.io');
const { WebSocketServer } = require('ws');

function attach(server) {
  const io = new Server(server);
  io.on('connection', (socket) => {
  //                  ^^^^^^^^^^^^^ long-lived-connection/js-socket-connection-handler
    socket.on('subscribe', (room) => socket.join(room));
    // ok: an event of the connection already reported
  });
  io.of('/admin').on('connection', function onAdmin(socket) {
  //                               ^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-socket-connection-handler
    socket.emit('hello');
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.send('hi'));
  //                   ^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-socket-connection-handler
  server.on('close', () => io.close());
  // ok: not a connection event
}

module.exports = { attach };

const { Server } = require('socket.io');

let io = null;

function attachRealtime(server) {
  io = new Server(server, { cors: { origin: process.env.CORS_ORIGIN || '*' } });

  io.on('connection', (socket) => {
    socket.on('subscribe', (room) => socket.join(String(room)));
    socket.on('unsubscribe', (room) => socket.leave(String(room)));
  });

  return io;
}

function broadcast(event, payload) {
  if (io) io.emit(event, payload);
}

module.exports = { attachRealtime, broadcast };

const { EventEmitter } = require('events');
const { WebSocket } = require('ws');

let io = null;
let wss;
const bus = new EventEmitter();

function broadcast(event, payload) {
  if (io) io.emit(event, payload);
  //      ^^^^^^^ long-lived-connection/js-socket-broadcast
}

function notifyRoom(room, payload) {
  io.to(room).emit('update', payload);
//^^^^^^^^^^^^^^^^^ long-lived-connection/js-socket-broadcast
  io.sockets.emit('ping');
//^^^^^^^^^^^^^^^ long-lived-connection/js-socket-broadcast
}

function push(message) {
  for (const client of wss.clients) {
  //                   ^^^^^^^^^^^ long-lived-connection/js-socket-broadcast
    if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(message));
  }
}

function local(req, res) {
  // ok: an in-process event emitter and the response stream
  bus.emit('order', req.body);
  res.emit('close');
  req.socket.emit('data');
}

module.exports = { broadcast, notifyRoom, push, local };

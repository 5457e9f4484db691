const http = require('http');
const { Server } = require('socket.io');
const WebSocket = require('ws');
const { WebSocketServer, createWebSocketStream } = require('ws');
const expressWs = require('express-ws');

let io = null;

function attachRealtime(server) {
  io = new Server(server, { cors: { origin: '*' } });
  //   ^^^^^^^^^^ long-lived-connection/js-websocket-server
  io.on('connection', (socket) => socket.join('lobby'));
  return io;
}

const wss = new WebSocketServer({ port: 8081 });
//          ^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-websocket-server
const legacy = new WebSocket.Server({ noServer: true });
//             ^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-websocket-server
expressWs(app);
//^^^^^^^ long-lived-connection/js-websocket-server

async function callUpstream(url) {
  // ok: a WebSocket client, not a server
  const client = new WebSocket(url);
  // ok: wraps a client connection into a stream
  const duplex = createWebSocketStream(client);
  // ok: an HTTP server is not a WebSocket server
  const plain = http.createServer();
  return { duplex, plain };
}

module.exports = { attachRealtime, wss, legacy, callUpstream };

const { WebSocketServer, WebSocket } = require('ws');

let wss;

function attachLiveUpdates(server) {
  wss = new WebSocketServer({ server, path: '/live' });
  wss.on('connection', (socket) => {
    socket.send(JSON.stringify({ type: 'hello' }));
  });
}

function broadcast(message) {
  if (!wss) return;
  const payload = JSON.stringify(message);
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(payload);
  }
}

module.exports = { attachLiveUpdates, broadcast };

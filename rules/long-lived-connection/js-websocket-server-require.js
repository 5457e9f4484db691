const http = require('http');
const app = require('./app');

const server = http.createServer(app);
const io = require('socket.io')(server, { cors: { origin: '*' } });
//         ^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-websocket-server-require
const legacyIo = require('socket.io').listen(server);
//               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-websocket-server-require

// ok: the socket.io client library and other factories
const client = require('socket.io-client')('http://upstream');
const debug = require('debug')('app');

module.exports = { io, legacyIo, client, debug };

const http = require('http');

const app = require('./app');
const { attachRealtime } = require('./realtime');
require('./jobs/nightly');

const PORT = Number(process.env.PORT) || 3000;

const server = http.createServer(app);
attachRealtime(server);

server.listen(PORT, () => {
  console.log(`shop-api listening on :${PORT}`);
});

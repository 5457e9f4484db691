const orderRepo = require('./orderRepository');

exports.stream = (req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-server-sent-events
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.write('retry: 5000\n\n');
};

exports.expressStream = (req, res) => {
  res.set('Content-Type', 'text/event-stream');
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-server-sent-events
  res.flushHeaders();
};

exports.typed = (req, res) => {
  res.type('text/event-stream');
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-server-sent-events
};

async function koaStream(ctx) {
  ctx.type = 'text/event-stream';
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-server-sent-events
}

async function fastifyStream(request, reply) {
  reply.sse({ data: 'hello' });
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-server-sent-events
}

async function consume(url) {
  // ok: a client asking for an event stream
  const res = await fetch(url, { headers: { Accept: 'text/event-stream' } });
  // ok: other content types
  return new Response(res.body, { headers: { 'Content-Type': 'application/json' } });
}

// ok: module-level constant
const SSE = 'text/event-stream';

module.exports = { koaStream, fastifyStream, consume, SSE, orderRepo };

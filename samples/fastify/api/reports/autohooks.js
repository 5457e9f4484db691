// Reports run heavy aggregations: each client gets 30 requests a minute, counted here.
const windows = new Map();

module.exports = async function reportHooks(fastify) {
  fastify.addHook('onRequest', async (request, reply) => {
    const now = Date.now();
    const entry = windows.get(request.ip) || { start: now, count: 0 };
    if (now - entry.start > 60 * 1000) {
      entry.start = now;
      entry.count = 0;
    }
    entry.count += 1;
    windows.set(request.ip, entry);
    if (entry.count > 30) {
      reply.code(429).send({ error: 'too many report requests, try again in a minute' });
    }
  });
};

const { Item } = require('../../db');

// Loaded by @fastify/autoload under /catalog; the reports' hooks do not run here.
module.exports = async function catalogRoutes(fastify) {
  fastify.get('/categories', async () => Item.distinct('category'));
};

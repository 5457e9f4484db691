const { Item } = require('../db');
const supplier = require('../lib/supplier');

async function requireLogin(request, reply) {
  if (!request.session.userId) {
    reply.code(401).send({ error: 'login required' });
  }
}

async function restock(request, reply) {
  const quantity = Number(request.body && request.body.quantity);
  if (!Number.isInteger(quantity) || quantity <= 0) {
    return reply.code(400).send({ error: 'quantity must be a positive integer' });
  }
  const item = await Item.findOne({ sku: request.params.sku });
  if (!item) return reply.code(404).send({ error: 'unknown sku' });

  const order = await supplier.placeOrder(item.sku, quantity);
  return reply.code(202).send({ sku: item.sku, supplierOrderId: order.id, eta: order.eta });
}

async function inventoryRoutes(fastify, opts) {
  fastify.addHook('preHandler', requireLogin);

  fastify.get('/items', async (request) => {
    const filter = request.query.low === 'true' ? { $expr: { $lte: ['$onHand', '$reorderLevel'] } } : {};
    return Item.find(filter).sort({ sku: 1 }).limit(200).lean();
  });

  fastify.get('/items/:sku', async (request, reply) => {
    const item = await Item.findOne({ sku: request.params.sku }).lean();
    if (!item) return reply.code(404).send({ error: 'unknown sku' });
    return item;
  });

  fastify.post('/items/:sku/restock', restock);

  fastify.get('/supplier/status', async () => ({ lastOrderAt: supplier.lastOrderTime() }));
}

module.exports = inventoryRoutes;

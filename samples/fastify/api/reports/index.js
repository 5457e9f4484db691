const { Item } = require('../../db');

// Loaded by @fastify/autoload: the folder name is the prefix (/reports).
module.exports = async function reportRoutes(fastify) {
  fastify.get('/stock-value', async () => {
    const [total] = await Item.aggregate([
      { $group: { _id: null, value: { $sum: { $multiply: ['$onHand', '$unitCost'] } } } },
    ]);
    return { value: total ? total.value : 0 };
  });

  fastify.get('/low-stock', async () => {
    return Item.find({ $expr: { $lte: ['$onHand', '$reorderLevel'] } }).sort({ onHand: 1 }).lean();
  });
};

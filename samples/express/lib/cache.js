const NodeCache = require('node-cache');

const orderCache = new NodeCache({ stdTTL: 60, checkperiod: 120 });

async function getOrFetch(key, loader) {
  const hit = orderCache.get(key);
  if (hit !== undefined) return hit;
  const value = await loader();
  if (value) orderCache.set(key, value);
  return value;
}

function invalidate(key) {
  orderCache.del(key);
}

module.exports = { getOrFetch, invalidate };

const NodeCache = require('node-cache');
const { LRUCache } = require('lru-cache');
const Redis = require('ioredis');

const orderCache = new NodeCache({ stdTTL: 60, checkperiod: 120 });
const productCache = new LRUCache({ max: 500, ttl: 60 * 1000 });
const redis = new Redis(process.env.REDIS_URL);
const plain = new Map();

// ok: module level, at import time
orderCache.on('expired', (key) => console.log('expired', key));

async function getOrFetch(key, loader) {
  const hit = orderCache.get(key);
  //          ^^^^^^^^^^^^^^ in-memory-cache/js-process-cache
  if (hit !== undefined) return hit;
  const value = await loader();
  if (value) orderCache.set(key, value);
  //         ^^^^^^^^^^^^^^ in-memory-cache/js-process-cache
  return value;
}

function invalidate(key) {
  orderCache.del(key);
//^^^^^^^^^^^^^^ in-memory-cache/js-process-cache
  productCache.delete(key);
//^^^^^^^^^^^^^^^^^^^ in-memory-cache/js-process-cache
}

async function shared(key) {
  // ok: Redis is a shared cache
  const v = await redis.get(key);
  // ok: a plain Map is not a cache library (see global-state / js-map-cache)
  plain.get(key);
  // ok: a local cache object
  const local = new NodeCache();
  local.set(key, v);
  return v;
}

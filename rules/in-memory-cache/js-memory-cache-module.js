const cache = require('memory-cache');
const redis = require('./redis');

// ok: module level, at import time
cache.put('boot', Date.now());

function getUser(id) {
  const hit = cache.get(`user:${id}`);
  //          ^^^^^^^^^ in-memory-cache/js-memory-cache-module
  if (hit) return hit;
  cache.put(`user:${id}`, { id }, 60000);
//^^^^^^^^^ in-memory-cache/js-memory-cache-module
  // ok: a shared cache client from the app
  return redis.get(`user:${id}`);
}

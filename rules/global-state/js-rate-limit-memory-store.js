const express = require('express');
const rateLimit = require('express-rate-limit');
const { RedisStore } = require('rate-limit-redis');

const app = express();

const loginLimiter = rateLimit({ windowMs: 60 * 60 * 1000, max: 5 });
//                   ^^^^^^^^^ global-state/js-rate-limit-memory-store

app.use(rateLimit({ windowMs: 15 * 60 * 1000, max: 100, standardHeaders: true }));
//      ^^^^^^^^^ global-state/js-rate-limit-memory-store

// ok: a shared store
const shared = rateLimit({ windowMs: 1000, max: 10, store: new RedisStore({ client }) });

// ok: options from elsewhere may carry the store
const fromConfig = rateLimit({ ...config.rateLimit });

function rateLimitFor(route) {
  // ok: the app's own helper of the same shape inside a function
  return { route, max: 5 };
}

app.post('/login', loginLimiter, (req, res) => res.end());
module.exports = { app, shared, fromConfig, rateLimitFor };

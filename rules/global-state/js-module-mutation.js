const express = require('express');

let ordersCreatedSinceBoot = 0;
let lastOrderAt = null;
var legacyCounter = 0;
const recentViews = [];
const activeSessions = new Map();
const seen = new Set();
const stats = { hits: 0, byRoute: {} };
const ROLES = Object.freeze({ ADMIN: 'admin' });
const STATUS = { OK: 'ok' };
const MAX_RECENT = 100;
const docs = [];
const priceCache = new Map();
const recentCache = [];
let redisClient = null;
let client = null;
const subscriberClientMap = new Map();

// ok: filled at import time, only read by handlers
docs.push({ path: '/health' });
stats.hits = 0;

exports.create = async (req, res) => {
  ordersCreatedSinceBoot++;
//^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  legacyCounter += 1;
//^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  lastOrderAt = new Date();
//^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  recentViews.push({ id: req.params.id, at: Date.now() });
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  if (recentViews.length > MAX_RECENT) recentViews.shift();
  //                                   ^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  activeSessions.set(req.user.id, { since: Date.now() });
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  seen.add(req.ip);
//^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  stats.hits += 1;
//^^^^^^^^^^^^^^^ global-state/js-module-mutation
  stats.byRoute[req.path] = (stats.byRoute[req.path] || 0) + 1;
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  delete stats.byRoute;
//^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  res.json({ ok: true });
};

exports.logout = (req, res) => {
  activeSessions.delete(req.user.id);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  res.status(204).end();
};

exports.show = (req, res) => {
  // ok: reads of constants and of module state
  const role = ROLES.ADMIN;
  const status = STATUS.OK;
  const count = recentViews.length;
  // ok: a response header, not a Map
  res.set('x-orders-since-boot', String(ordersCreatedSinceBoot));
  // ok: locals
  const local = [];
  local.push(role);
  let total = 0;
  total += count;
  const body = {};
  body.status = status;
  // ok: an instance field
  this.items.push(1);
  // ok: lazy initialisation
  redisClient ??= createClient();
  if (!redisClient) redisClient = createClient({ url: process.env.REDIS_URL });
  // ok: cache-named Map, left to in-memory-cache/js-map-cache
  priceCache.set(req.params.sku, 1);
  // ok: cache-named array, left to in-memory-cache/js-array-cache
  recentCache.push(req.params.sku);
  // ok: a remote client's set
  redisClient.set('k', 'v');
  client.set('k', 'v');
  // a Map of subscribers whose name mentions clients is still state
  subscriberClientMap.set(req.params.id, res);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  res.json({ local, total, body, status });
};

let io = null;
let lastReset = null;
let cachedDb = null;
let agent;
let indexReady = false;
let maintenance = false;

function ensureIndex() {
  // ok: a one-time initialisation flag
  indexReady = true;
}

let refreshing = false;
let browser = null;

async function refreshRates() {
  if (refreshing) return;
  // ok: a guard against two refreshes at once, released below
  refreshing = true;
  try {
    await loadRates();
  } finally {
    // ok: the guard released
    refreshing = false;
  }
}

async function resetBrowser() {
  await browser.close();
  // ok: releasing a client is not state by itself
  browser = null;
}

function toggleMaintenance(req, res) {
  maintenance = true;
//^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  res.json({ maintenance, indexReady });
}

async function connectToDatabase() {
  if (cachedDb) return cachedDb;
  // ok: the serverless connection-reuse idiom
  cachedDb = await MongoClient.connect(process.env.MONGO_URL);
  return cachedDb;
}

async function answer(question) {
  // ok: lazy creation of a per-instance client
  if (!agent) agent = await createAgent();
  lastReset = Date.now();
//^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  return agent.ask(question);
}

function attachRealtime(server) {
  // ok: initialisation of a service object at startup
  io = new Server(server);
  lastReset = new Map();
//^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  return io;
}

// ok: module level
for (const role of Object.keys(ROLES)) docs.push(role);

let cachedKey;
const memo = {};
function getKey(name) {
  // ok: filled once per instance under an unset test, the same on every instance
  if (!cachedKey) {
    cachedKey = readKey();
  }
  // ok: a per-key memo of shipped data
  if (memo[name] == null) {
    memo[name] = readKey(name);
  }
  return cachedKey + memo[name];
}

let registry = null;
async function getRegistry() {
  if (registry === null) {
    registry = new Map();
    for (const file of await listFiles()) {
      // ok: fills the value the `if` found unset: built once per instance
      registry.set(file.name, file);
    }
  }
  return registry;
}

let hits = null;
function countHit(req, res) {
  if (registry === null) {
    // the guard tests another variable: still a write to shared state
    hits.push(req.path);
  //^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
  }
  res.end();
}

let rdapData = null;
let nextRdapCheck = 0;
let pending = 0;

// ok: a memoised value (the same list for every request), refreshed once a week
async function getRdapData() {
  if (rdapData && Date.now() < nextRdapCheck) {
    return rdapData;
  }
  rdapData = await fetchRdapData();
  nextRdapCheck = Date.now() + 7 * 24 * 60 * 60 * 1000;
  return rdapData;
}

let serviceToken = '';
let tokenExpiry = 0;

// ok: a memoised token returned wrapped in an object, refreshed when it expires
async function getServiceToken() {
  if (serviceToken && Date.now() < tokenExpiry) {
    return { token: serviceToken };
  }
  const res = await fetchToken();
  serviceToken = res.access_token;
  tokenExpiry = Date.now() + res.expires_in * 1000;
  return { token: serviceToken };
}

// a guard that returns something else is no memo: the counter is state
function admit(req, res) {
  if (pending > 10) {
    return res.status(503).end();
  }
  pending++;
//^^^^^^^^^ global-state/js-module-mutation
}

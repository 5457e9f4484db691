const Redis = require('./redis');

function frequency(socket, { maxCallPerMinutes = 20 } = {}) {
  let callTimes = {};
  let total = 0;
  setInterval(() => {
    // ok: the reset runs in a timer, reported by background-work/js-timer
    callTimes = {};
  }, 60000);
  return async ([event, , cb], next) => {
    const count = callTimes[socket.id] || 0;
    if (count >= maxCallPerMinutes) {
      cb('too many calls');
    } else {
      callTimes[socket.id] = count + 1;
      //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-closure-state
      total++;
      //^^^^^ global-state/js-closure-state
      next();
    }
  };
}

function seenTracker() {
  const seen = new Set();
  return function track(req, res, next) {
    seen.add(req.ip);
    //^^^^^^^^^^^^^^^ global-state/js-closure-state
    next();
  };
}

const counted = (limit) => (req, res, next) => {
  let hits = 0;
  // ok: declared by the returned function itself, fresh on every call
  hits += 1;
  next();
};

function countItems(items) {
  let n = 0;
  // ok: a callback run within the call, not returned
  items.forEach(() => { n++; });
  return n;
}

function withToken() {
  let token = '';
  let until = 0;
  return async function getToken() {
    if (token && Date.now() < until) {
      return token;
    }
    // ok: a memoised value, the same for every caller
    token = await Redis.get('token');
    until = Date.now() + 60000;
    return token;
  };
}

function shadowed() {
  let last = null;
  return (last) => {
    // ok: the parameter, not the factory's variable
    last = 1;
    return last;
  };
}

function cached() {
  const cache = {};
  return (key) => {
    // ok: a cache, reported by in-memory-cache/js-closure-cache
    cache[key] = Date.now();
  };
}

module.exports = { frequency, seenTracker, counted, countItems, withToken, shadowed, cached };

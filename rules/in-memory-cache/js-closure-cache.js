const Socket = require('./models/socket');

function getUserOnlineStatusWrapper() {
  const cache = {};
  return async function getUserOnlineStatus(ctx) {
    const { userId } = ctx.data;
    if (cache[userId] && cache[userId].expireTime > Date.now()) {
      return { isOnline: cache[userId].value };
    }
    const sockets = await Socket.find({ user: userId });
    cache[userId] = { value: sockets.length > 0, expireTime: Date.now() + 60000 };
    //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/js-closure-cache
    return { isOnline: sockets.length > 0 };
  };
}
const getUserOnlineStatus = getUserOnlineStatusWrapper();

function groupMembersWrapper(loadMembers) {
  const cache = {};
  return async function getGroupMembers(ctx = { data: { cache: '' } }) {
    const { groupId, cache: cacheKey } = ctx.data;
    if (cache[groupId] && cache[groupId].key === cacheKey) {
      return { cache: cacheKey };
    }
    cache[groupId] = { key: cacheKey, value: await loadMembers(groupId) };
    //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/js-closure-cache
    return { cache: cacheKey };
  };
}

function defaultMembersWrapper(loadMembers) {
  let cache = null;
  let expireTime = 0;
  return async () => {
    if (cache && expireTime > Date.now()) {
      return cache;
    }
    cache = await loadMembers();
    //^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/js-closure-cache
    // ok: not a cache by name: global-state/js-closure-state judges it
    expireTime = Date.now() + 60000;
    return cache;
  };
}

function render(items) {
  const cache = new Map();
  // ok: a callback run within the call, not returned
  items.forEach((item) => cache.set(item.id, item));
  return (id) => {
    const local = { cache: null };
    // ok: a member of a local object
    local.cache = cache.get(id);
    return local;
  };
}

function perCall() {
  return (key) => {
    const cache = new Map();
    // ok: declared by the returned function, fresh on every call
    cache.set(key, 1);
    return cache;
  };
}

module.exports = { getUserOnlineStatus, defaultMembersWrapper, render, perCall };

const logger = require('./logger');

const MAX_RECENT = 1000;
const recentViews = [];

function recordView(kind, id) {
  recentViews.push({ kind, id, at: Date.now() });
  if (recentViews.length > MAX_RECENT) recentViews.shift();
}

function topViewed(n) {
  const counts = {};
  for (const v of recentViews) {
    const key = `${v.kind}:${v.id}`;
    counts[key] = (counts[key] || 0) + 1;
  }
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

setInterval(() => {
  if (recentViews.length === 0) return;
  logger.info('view stats', { window: recentViews.length, top: topViewed(5) });
}, 10000).unref();

module.exports = { recordView, topViewed };

const fs = require('fs');
const path = require('path');
const Router = require('@koa/router');
const config = require('../config');
const catalog = require('../lib/catalog');

const feeds = new Router();

// One route per feed format: GET /feeds/rss, GET /feeds/atom.
for (const [format, type] of Object.entries({ rss: 'application/rss+xml', atom: 'application/atom+xml' })) {
  feeds.get(`/${format}`, async (ctx) => {
    const file = path.join(config.get('feeds.outDir'), `latest.${format}`);
    if (!fs.existsSync(file)) {
      const items = await catalog.latestProducts(20);
      fs.writeFileSync(file, render(format, items));
    }
    ctx.type = type;
    ctx.body = fs.createReadStream(file);
  });
}

function render(format, items) {
  const entries = items.map((p) => `<item><title>${p.name}</title></item>`).join('');
  return format === 'rss' ? `<rss><channel>${entries}</channel></rss>` : `<feed>${entries}</feed>`;
}

module.exports = feeds;

const cron = require('node-cron');
const db = require('../services/db');
const logger = require('../lib/logger');

// 03:00 every night: drop carts nobody touched for a month.
cron.schedule('0 3 * * *', async () => {
  const { rowCount } = await db.query("DELETE FROM carts WHERE updated_at < now() - interval '30 days'");
  logger.info('purged stale carts', { rowCount });
});

const Queue = require('bull');
const logger = require('./logger');

const emailQueue = new Queue('email', process.env.REDIS_URL);
const recentViews = [];

setInterval(() => {
//^^^^^^^^^ background-work/js-module-timer
  logger.info('view stats', { window: recentViews.length });
}, 10000).unref();

emailQueue.process(async (job) => sendMail(job.data));
//^^^^^^^^^^^^^^^^ background-work/js-module-timer

exports.recordView = (id) => {
  // ok: a timer started by a request is background-work/js-timer
  setInterval(() => recentViews.shift(), 1000);
  recentViews.push(id);
};

// ok: a timeout guard at module level ends by itself
setTimeout(() => logger.info('warm'), 0);

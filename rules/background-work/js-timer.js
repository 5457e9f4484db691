const Queue = require('bull');
const logger = require('./logger');

const emailQueue = new Queue('email', process.env.REDIS_URL);
const recentViews = [];

exports.stream = (req, res) => {
  const timer = setInterval(async () => {
  //            ^^^^^^^^^^^ background-work/js-timer
    res.write('data: tick\n\n');
  }, 15000);
  req.on('close', () => clearInterval(timer));
};

// ok: at import time, reported by background-work/js-module-timer
setInterval(() => {
  logger.info('view stats', { window: recentViews.length });
}, 10000).unref();

function startConsumer() {
  emailQueue.process(async (job) => sendMail(job.data));
  //^^^^^^^^^^^^^^^^ background-work/js-timer
}

async function fetchWithTimeout(url) {
  // ok: a timeout guard that ends with the request
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function enqueue(req, res) {
  // ok: producing a job is the remedy, not background work
  await emailQueue.add({ to: req.body.email });
  // ok: Node's process object, not a queue
  process.nextTick(() => {});
  res.status(202).end();
}

function waitUntilStarted(server) {
  return new Promise((resolve) => {
    // ok: a poll the returned promise waits for, cleared once it resolves
    const poll = setInterval(() => {
      if (server.started) {
        clearInterval(poll);
        resolve();
      }
    }, 1000);
  });
}

function keepAlive(socket) {
  return new Promise((resolve) => {
    socket.on('close', resolve);
    const ping = setInterval(() => socket.ping(), 30000);
    //           ^^^^^^^^^^^ background-work/js-timer
  });
}

module.exports = { fetchWithTimeout, enqueue, waitUntilStarted, keepAlive };

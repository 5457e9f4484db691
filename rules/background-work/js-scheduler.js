const cron = require('node-cron');
const { CronJob } = require('cron');
const { Worker, Queue } = require('bullmq');
const { Worker: ThreadWorker } = require('worker_threads');
const schedule = require('./schedule');
const Cron = require('croner');
const { Cron: LocalCron } = require('./cron');

// listed as an application finding: started when the module loads
cron.schedule('0 3 * * *', async () => {
//^^^^^^^^^^^ background-work/js-scheduler
  await purgeCarts();
});

const nightly = new CronJob('0 0 * * *', () => rebuildIndex());
//              ^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-scheduler

const worker = new Worker('emails', async (job) => sendMail(job.data), { connection });
//             ^^^^^^^^^^ background-work/js-scheduler

const vacuum = new Cron('*/5 * * * *', { timezone: 'UTC' }, incrementalVacuum);
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-scheduler

Cron('14 3 * * *', clearOldData);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-scheduler

function validateCron(pattern) {
  // ok: an empty callback, stopped at once: it only checks the pattern
  const job = new Cron(pattern, () => {});
  job.stop();
}

// ok: the app's own Cron class, not croner's
const parsed = new LocalCron('0 0 * * *');

async function startReminder(req, res) {
  cron.schedule(`*/5 * * * *`, () => remind(req.user.id));
//^^^^^^^^^^^^^ background-work/js-scheduler
  res.status(202).end();
}

async function enqueue(req, res) {
  // ok: producing a job is the remedy
  await new Queue('emails', { connection }).add('welcome', { to: req.body.email });
  // ok: a worker thread, not a queue worker
  const thread = new ThreadWorker('./resize.js', { workerData: req.body });
  // ok: the app's own module called schedule
  schedule.schedule(req.body);
  res.status(202).json({ thread: thread.threadId });
}

module.exports = { validateCron, nightly, worker, vacuum, parsed, startReminder, enqueue };

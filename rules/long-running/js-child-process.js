const { execSync } = require('child_process');
const cp = require('node:child_process');
const puppeteer = require('puppeteer');
const { promisify } = require('util');
const db = require('./db');

// ok: module level, run once at startup
const gitSha = execSync('git rev-parse HEAD').toString().trim();
const run = promisify(cp.exec);

function exportOrdersCsv(from, to) {
  return execSync(`psql "${process.env.DATABASE_URL}" -c "select * from orders"`, { timeout: 120000 });
  //     ^^^^^^^^ long-running/js-child-process
}

function resize(input) {
  const proc = cp.spawn('convert', ['-', '-thumbnail', '320x320', 'png:-']);
  //           ^^^^^^^^ long-running/js-child-process
  proc.stdin.end(input);
  return proc;
}

async function renderPdf(html) {
  const browser = await puppeteer.launch({ headless: 'new' });
  //                    ^^^^^^^^^^^^^^^^ long-running/js-child-process
  const page = await browser.newPage();
  await page.setContent(html);
  return page.pdf();
}

async function report(req, res) {
  // ok: the database driver's exec/query, not a process
  await db.exec('VACUUM');
  // ok: RegExp#exec
  const m = /(\d+)/.exec(req.query.id);
  // not followed: a command promisified at module level
  await run('ls');
  res.json({ gitSha, m });
}

module.exports = { exportOrdersCsv, resize, renderPdf, report };

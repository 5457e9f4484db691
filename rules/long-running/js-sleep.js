const { setTimeout: wait } = require('timers/promises');
const timers = require('timers/promises');

exports.retryPayment = async (req, res) => {
  let result = await charge(req.params.id);
  if (result.status === 'rate_limited') {
    await new Promise((r) => setTimeout(r, 5000));
    //    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/js-sleep
    result = await charge(req.params.id);
  }
  res.json(result);
};

async function placeOrder(sku) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch(`https://supplier.example/orders/${sku}`);
    if (res.status !== 429) return res.json();
    await new Promise(resolve => { setTimeout(resolve, 5000 * attempt); });
    //    ^^^^^^^^^^^ long-running/js-sleep
  }
  throw new Error('giving up');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(() => resolve(), ms));
//                    ^^^^^^^^^^^ long-running/js-sleep

async function poll(job) {
  await sleep(1000);
//^^^^^^^^^^^^^^^^^ long-running/js-sleep
  await timers.setTimeout(250);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/js-sleep
  // not recognised: timers/promises' setTimeout imported under another name
  await wait(100);
  return job;
}

async function withTimeout(promise, ms) {
  // ok: a timeout raced against the call, not a wait
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
}

function guard(controller) {
  // ok: a timeout guard with a callback
  const t = setTimeout(() => controller.abort(), 5000);
  // ok: a sleep helper's name used for something else
  const s = sleep;
  return { t, s };
}

// ok: module level
const ready = new Promise((r) => setTimeout(r, 10));

module.exports = { placeOrder, poll, withTimeout, guard, ready };

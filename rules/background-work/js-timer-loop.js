const { setTimeout } = require('unlimited-timeout');

class Monitor {
  start() {
    const beat = async () => {
      await this.check();
      this.timer = setTimeout(beat, this.interval * 1000);
      //           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-timer-loop
    };
    const safeBeat = async () => {
      try {
        await beat();
      } catch (e) {
        this.timer = setTimeout(() => safeBeat(), 60000);
        //           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-timer-loop
      }
    };
    // ok: starts the loop once; the re-arming is inside the loop
    this.timer = setTimeout(safeBeat, 1000);
  }

  poll() {
    this.refresh().finally(() => {
      setTimeout(() => {
      //^^^^^^^^^^^^^^^^ background-work/js-timer-loop
        this.poll();
      }, 5000);
    });
  }
}

function withDeadline(promise, ms) {
  // ok: a deadline that rejects once, not a loop
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('late')), ms))]);
}

function retryLater(job) {
  // ok: schedules another function once
  setTimeout(() => runJob(job), 1000);
}

function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    // ok: calls the wrapped function, not itself
    t = setTimeout(() => fn(...args), ms);
  };
}

module.exports = { Monitor, withDeadline, retryLater, debounce };

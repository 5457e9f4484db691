const http = require("http");
const { Cron } = require("croner");

async function initBackgroundJobs() {
    new Cron("*/5 * * * *", vacuum);
}

function printUrl(port) {
    console.log(`listening on ${port}`);
}

const server = http.createServer(app);
server.listen(3000, async () => {
    await initBackgroundJobs();
    //    ^^^^^^^^^^^^^^^^^^^^ background-work/js-listen-start
});

server.listen(3001, function () {
    initBackgroundJobs();
//  ^^^^^^^^^^^^^^^^^^^^ background-work/js-listen-start
});

// ok: a call outside a listen callback (a callee holding no loop is tested in tests/boot_work.rs)
setImmediate(() => {
    initBackgroundJobs();
});

const http = require('http');
const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const session = require('koa-generic-session');

const api = require('./routes/api');
const { attachLiveUpdates } = require('./realtime');

const app = new Koa();
app.keys = [process.env.COOKIE_SECRET || 'catalog-dev-secret'];

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: ctx.status === 500 ? 'internal error' : err.message };
    ctx.app.emit('error', err, ctx);
  }
});

app.use(bodyParser({ jsonLimit: '512kb' }));
app.use(session({ key: 'catalog.sid', cookie: { maxAge: 7 * 24 * 60 * 60 * 1000 } }));
app.use(api.routes());
app.use(api.allowedMethods());

const server = http.createServer(app.callback());
attachLiveUpdates(server);

server.listen(Number(process.env.PORT) || 4000);

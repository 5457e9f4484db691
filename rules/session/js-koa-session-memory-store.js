const Koa = require('koa');
const session = require('koa-generic-session');
const cookieSession = require('koa-session');
const redisStore = require('koa-redis');

const app = new Koa();
app.keys = ['dev-secret'];

app.use(session({ key: 'shop.sid', cookie: { maxAge: 86400000 } }));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/js-koa-session-memory-store
app.use(session());
//      ^^^^^^^^^ session/js-koa-session-memory-store

// ok: sessions live in Redis
app.use(session({ key: 'shop.sid', store: redisStore({ url: process.env.REDIS_URL }) }));

// ok: options built elsewhere
app.use(session(sessionOptions));

// ok: koa-session keeps the session in a signed cookie
app.use(cookieSession(app));
app.use(cookieSession({ key: 'koa.sess', maxAge: 86400000 }, app));

const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const RedisStore = require('connect-redis').default;
const FileStore = require('session-file-store')(session);
const MongoStore = require('connect-mongo');
const pgSession = require('connect-pg-simple')(session);

const app = express();

app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
//      ^^^^^^^ session/js-express-session-memory-store

const sessionMiddleware = session({
//                        ^^^^^^^ session/js-express-session-memory-store
  name: 'shop.sid',
  secret: process.env.SESSION_SECRET,
  cookie: { httpOnly: true, maxAge: 3600000 },
});
app.use('/auth', sessionMiddleware);

app.use(session());
//      ^^^^^^^ session/js-express-session-memory-store

app.use(session({ secret: 's', store: new FileStore({ path: './sessions' }) }));
//      ^^^^^^^ session/js-express-session-memory-store

app.use(session({ secret: 's', store: new session.MemoryStore() }));
//      ^^^^^^^ session/js-express-session-memory-store

// ok: a Redis store is shared by every instance
app.use(session({ secret: 's', store: new RedisStore({ client: redisClient }) }));

// ok: connect-mongo
app.use(session({ secret: 's', store: MongoStore.create({ mongoUrl: process.env.MONGO_URL }) }));

// ok: connect-pg-simple
app.use(session({
  store: new pgSession({ pool, tableName: 'user_sessions' }),
  secret: 's',
}));

// ok: shorthand `store` property
const store = new RedisStore({ client: redisClient });
app.use(session({ store, secret: 's' }));

// ok: options built elsewhere, the store cannot be seen
app.use(session(sessionOptions));
app.use(session({ ...baseOptions, secret: 's' }));

// ok: cookie-session keeps the session in a signed cookie
app.use(cookieSession({ name: 'session', keys: ['k1'] }));

// ok: a local function that happens to be called session
function localSession(opts) { return opts; }
localSession({ secret: 's' });

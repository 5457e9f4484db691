const Fastify = require('fastify');
const fastifyCookie = require('@fastify/cookie');
const fastifySession = require('@fastify/session');
const RedisStore = require('connect-redis').default;

const fastify = Fastify();

fastify.register(fastifyCookie);
fastify.register(fastifySession, { secret: process.env.SESSION_SECRET, cookieName: 'sid' });
//               ^^^^^^^^^^^^^^ session/js-fastify-session-memory-store

// ok: sessions live in Redis
fastify.register(fastifySession, {
  secret: process.env.SESSION_SECRET,
  store: new RedisStore({ client: redisClient, prefix: 'sess:' }),
});

// ok: options built elsewhere
fastify.register(fastifySession, sessionOptions);

// ok: another plugin
fastify.register(fastifyCookie, { secret: 'x' });

const path = require('path');
const Fastify = require('fastify');
const autoload = require('@fastify/autoload');
const fastifyCookie = require('@fastify/cookie');
const fastifySession = require('@fastify/session');
const RedisStore = require('connect-redis').default;
const { createClient } = require('redis');

const { User } = require('./db');
const { verifyPassword } = require('./lib/passwords');
const inventoryRoutes = require('./routes/inventory');

const redisClient = createClient({ url: process.env.REDIS_URL || 'redis://localhost:6379' });
redisClient.connect().catch((err) => console.error('redis connection failed', err));

const fastify = Fastify({ logger: true });

fastify.register(fastifyCookie);
fastify.register(fastifySession, {
  secret: process.env.SESSION_SECRET || 'a-dev-secret-that-is-at-least-32-chars',
  cookieName: 'inv.sid',
  cookie: { secure: process.env.NODE_ENV === 'production', maxAge: 8 * 60 * 60 * 1000 },
  store: new RedisStore({ client: redisClient, prefix: 'inv:sess:' }),
});

async function health() {
  return { status: 'ok' };
}

async function login(request, reply) {
  const { email, password } = request.body || {};
  const user = await User.findOne({ email }).lean();
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    return reply.code(401).send({ error: 'invalid credentials' });
  }
  request.session.userId = String(user._id);
  request.session.role = user.role;
  return { ok: true };
}

fastify.get('/health', health);
fastify.route({ method: 'POST', url: '/login', handler: login });
fastify.register(inventoryRoutes, { prefix: '/v1' });
// Newer modules follow the fastify-cli template: one folder per prefix, hooks in autohooks.js.
fastify.register(autoload, { dir: path.join(__dirname, 'api'), autoHooks: true, cascadeHooks: true });

fastify.listen({ port: Number(process.env.PORT) || 8080, host: '0.0.0.0' }).catch((err) => {
  fastify.log.error(err);
  process.exit(1);
});

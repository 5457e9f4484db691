const express = require('express');
const session = require('express-session');

const router = express.Router();
router.use(session({ secret: 's' }));

router.post('/login', async (req, res) => {
  req.session.userId = 42;
//^^^^^^^^^^^^^^^^^^ session/js-session-used
  res.json({ ok: true });
});

router.post('/logout', (req, res) => {
  req.session.destroy(() => res.status(204).end());
//^^^^^^^^^^^^^^^^^^^ session/js-session-used
});

router.get('/me', (req, res) => {
  if (!req.session?.userId) return res.status(401).end();
  //   ^^^^^^^^^^^^^^^^^^^ session/js-session-used
  return res.json({ cart: loadCart(req.session) });
  //                               ^^^^^^^^^^^ session/js-session-used
});

function cartOf(request) {
  const { cart } = request.session;
  //               ^^^^^^^^^^^^^^^ session/js-session-used
  return cart;
}

async function koaHandler(ctx) {
  ctx.session.views = (ctx.session.views || 0) + 1;
//^^^^^^^^^^^^^^^^^ session/js-session-used
}

function reset(req) {
  req.session = null;
//^^^^^^^^^^^ session/js-session-used
}

// ok: module level, not a request
const probe = { session: null };
probe.session = 1;

function other(req, res, user) {
  // ok: req.sessionID, res.session and user.session are not the session store
  console.log(req.sessionID, res.session, user.session.id);
  // ok: a session object of another kind (an HTTP client, a DB session)
  const s = http.session;
  return s;
}

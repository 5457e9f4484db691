const crypto = require('crypto');
const express = require('express');
const db = require('../services/db');

// userId -> { sid, since }; lets support see who is logged in right now
const activeSessions = new Map();

const router = express.Router();

function verifyPassword(password, stored) {
  const [salt, hash] = String(stored).split(':');
  const candidate = crypto.scryptSync(String(password), salt, 64).toString('hex');
  return crypto.timingSafeEqual(Buffer.from(candidate, 'hex'), Buffer.from(hash, 'hex'));
}

router.post('/login', async (req, res, next) => {
  try {
    const { email, password } = req.body;
    const { rows } = await db.query('SELECT id, role, password_hash FROM users WHERE email = $1', [email]);
    const user = rows[0];
    if (!user || !verifyPassword(password, user.password_hash)) {
      return res.status(401).json({ error: 'invalid credentials' });
    }
    req.session.userId = user.id;
    req.session.role = user.role;
    activeSessions.set(user.id, { sid: req.sessionID, since: Date.now() });
    return res.json({ ok: true });
  } catch (err) {
    return next(err);
  }
});

router.post('/logout', (req, res) => {
  activeSessions.delete(req.session.userId);
  req.session.destroy(() => res.status(204).end());
});

router.get('/me', (req, res) => {
  if (!req.session.userId) return res.status(401).json({ error: 'not logged in' });
  return res.json({ userId: req.session.userId, role: req.session.role });
});

// Sign-in with GitHub: passport's middleware is the handler of /github (it redirects to
// GitHub); the callback answers with a token, not a session (`session: false`). The
// strategy is registered in lib/passport.js.
const jwt = require('jsonwebtoken');
const passport = require('../lib/passport');

router.get('/github', passport.authenticate('github', { scope: ['user:email'], session: false }));
router.get('/github/callback', passport.authenticate('github', { session: false, failureRedirect: '/auth/login' }), (req, res) => {
  const token = jwt.sign({ sub: req.user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
  res.redirect(`/#token=${token}`);
});

module.exports = router;

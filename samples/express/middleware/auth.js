const jwt = require('jsonwebtoken');
const config = require('../config');
const { ROLES } = require('../config/constants');

function auth(req, res, next) {
  const header = req.get('authorization') || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) {
    return res.status(401).json({ error: 'missing bearer token' });
  }
  try {
    req.user = jwt.verify(token, config.jwtSecret);
    return next();
  } catch (err) {
    return res.status(401).json({ error: 'invalid token' });
  }
}

auth.requireRole = (role) => (req, res, next) => {
  if (req.user && (req.user.role === role || req.user.role === ROLES.ADMIN)) {
    return next();
  }
  return res.status(403).json({ error: 'forbidden' });
};

module.exports = auth;

const fs = require('fs');
const express = require('express');
const auth = require('../middleware/auth');
const config = require('../config');
const { ROLES } = require('../config/constants');

const router = express.Router();
router.use(auth, auth.requireRole(ROLES.ADMIN));

router.get('/settings', (req, res) => {
  res.json(config.features);
});

router.put('/settings', (req, res) => {
  const updated = { ...config.features, ...req.body };
  fs.writeFileSync('./data/settings.json', JSON.stringify(updated, null, 2));
  res.json(updated);
});

// Maintenance switch: kept on the app object, so only the instance that took this
// request sees it.
router.post('/maintenance', (req, res) => {
  req.app.locals.maintenance = Boolean(req.body.on);
  req.app.set('maintenanceSince', Date.now());
  // a value for the rest of this request only
  res.locals.actor = req.user.id;
  res.json({ maintenance: req.app.locals.maintenance, since: req.app.get('maintenanceSince') });
});

router.use('/flags', require('./flags'));

module.exports = router;

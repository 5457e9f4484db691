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

module.exports = router;

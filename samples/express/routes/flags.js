const express = require('express');
const featureFlags = require('../services/featureFlags');
const auditLog = require('../lib/auditLog');

// Mounted under /admin (behind its auth and role check).
const router = express.Router();

router.put('/:name', async (req, res, next) => {
  try {
    const enabled = await featureFlags.setFlag(req.params.name, req.body.enabled);
    auditLog.info('feature flag changed', { flag: req.params.name, enabled, actor: req.user.id });
    res.json({ flag: req.params.name, enabled });
  } catch (err) {
    next(err);
  }
});

module.exports = router;

const express = require('express');
const auth = require('../middleware/auth');
const reports = require('../controllers/reportsController');
const { ROLES } = require('../config/constants');

const router = express.Router();

router.get('/:id/pdf', auth, reports.renderPdf);
router.post('/export', auth, auth.requireRole(ROLES.STAFF), reports.exportCsv);

module.exports = router;

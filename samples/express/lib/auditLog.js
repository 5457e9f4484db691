// Audit trail of admin actions, kept apart from the request log: compliance asked for a file
// on the host that logrotate ships nightly.
const winston = require('winston');

const auditLog = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.File({ filename: 'logs/admin-audit.log' })],
});

module.exports = auditLog;

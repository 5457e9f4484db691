const { randomUUID } = require('crypto');
const logger = require('../lib/logger');

function requestLogger(req, res, next) {
  const started = process.hrtime.bigint();
  req.id = req.get('x-request-id') || randomUUID();
  res.setHeader('x-request-id', req.id);

  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info('request', {
      id: req.id,
      method: req.method,
      path: req.originalUrl,
      status: res.statusCode,
      ms: Math.round(ms),
    });
  });

  next();
}

module.exports = requestLogger;

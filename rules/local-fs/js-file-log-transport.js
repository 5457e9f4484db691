const winston = require('winston');
const { transports, format } = require('winston');
require('winston-daily-rotate-file');
const DailyRotateFile = require('winston-daily-rotate-file');

const logger = winston.createLogger({
  format: format.json(),
  transports: [
    new winston.transports.File({ filename: 'logs/error.log', level: 'error' }),
    //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-log-transport
    new transports.DailyRotateFile({ filename: 'logs/app.%DATE%.log' }),
    //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-log-transport
    new transports.Console(),
    // ok: stdout is what a function platform collects
  ],
});

const audit = new DailyRotateFile({ filename: 'audit-%DATE%.log' });
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-log-transport

const log4jsConfig = {
  appenders: {
    out: { type: 'stdout' },
    // ok: stdout
    app: { type: 'file', filename: 'application.log' },
    //   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-log-transport
  },
};

const upload = { type: 'file', name: 'avatar' };
// ok: a form field, no filename

module.exports = { logger, audit, log4jsConfig, upload };

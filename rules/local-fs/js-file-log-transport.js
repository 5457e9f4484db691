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

const requests = winston.createLogger({ transports: [new transports.Console()] });
requests.add(new transports.File({ filename: 'logs/requests.log' }));
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-log-transport
winston.add(new winston.transports.File({ filename: 'logs/default.log' }));
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-log-transport
requests.add(new transports.Console());
// ok: stdout
const attachments = new Set();
attachments.add(new File(['x'], 'a.txt'));
// ok: a web File object, no log transport

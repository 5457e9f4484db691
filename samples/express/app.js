const express = require('express');
const session = require('express-session');

const config = require('./config');
const { STATUS } = require('./config/constants');
const requestLogger = require('./middleware/requestLogger');
const auth = require('./middleware/auth');
const usersRouter = require('./routes/users');
const ordersRouter = require('./routes/orders');
const reportsRouter = require('./routes/reports');
const authRouter = require('./routes/auth');
const adminRouter = require('./routes/admin');
const events = require('./controllers/eventsController');
const apiDocs = require('./lib/apiDocs');
const logger = require('./lib/logger');

const app = express();

app.use(express.json({ limit: '1mb' }));
app.use(requestLogger);

app.get('/health', (req, res) => {
  res.json({ status: STATUS.OK, version: config.version });
});

const sessionMiddleware = session({
  name: 'shop.sid',
  secret: config.sessionSecret,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: 'lax', maxAge: 8 * 60 * 60 * 1000 },
});
app.use('/auth', sessionMiddleware, authRouter);

const apiRouter = express.Router();
apiRouter.use('/orders', ordersRouter);
apiRouter.use('/reports', reportsRouter);
apiRouter.get('/events', auth, events.stream);
apiRouter.get('/docs', (req, res) => res.json(apiDocs.listRoutes()));

app.use('/api/users', usersRouter);
app.use('/api', apiRouter);
app.use('/admin', adminRouter);

// app.get('/api/v0/status', legacyStatus);  -- removed in 1.2

app.all('/legacy/*', (req, res) => {
  res.redirect(301, req.originalUrl.replace(/^\/legacy/, '/api'));
});

app.use((req, res) => {
  res.status(404).json({ error: 'not found' });
});

// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  logger.error('unhandled error', { id: req.id, message: err.message, stack: err.stack });
  res.status(err.status || 500).json({ error: 'internal error', requestId: req.id });
});

module.exports = app;

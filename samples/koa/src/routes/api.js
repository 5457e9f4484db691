const Router = require('@koa/router');
const v2 = require('./v2');
const feeds = require('./feeds');
const config = require('../config');

const STATUS = { OK: 'ok' };

const api = new Router({ prefix: '/api' });

api.get('/status', async (ctx) => {
  ctx.body = { status: STATUS.OK, version: process.env.APP_VERSION || 'dev' };
});

api.use('/v2', v2.routes(), v2.allowedMethods());
api.use(config.get('feeds.path'), feeds.routes());

module.exports = api;

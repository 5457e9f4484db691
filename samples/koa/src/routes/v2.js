const Router = require('@koa/router');
const catalog = require('../lib/catalog');
const reporting = require('../lib/reporting');
const { broadcast } = require('../realtime');

const v2 = new Router();

v2.get('/products', async (ctx) => {
  ctx.body = await catalog.listProducts(ctx.query.category);
});

v2.get('/products/:id', async (ctx) => {
  const product = await catalog.getProduct(ctx.params.id);
  ctx.assert(product, 404, 'product not found');
  // "Recently viewed" strip on the storefront.
  ctx.session.recent = [product.id, ...(ctx.session.recent || []).filter((id) => id !== product.id)].slice(0, 10);
  ctx.body = product;
});

v2.post('/products/:id/reviews', async (ctx) => {
  const { rating, body } = ctx.request.body;
  ctx.assert(Number.isInteger(rating) && rating >= 1 && rating <= 5, 400, 'rating must be 1..5');
  const review = await catalog.addReview(ctx.params.id, { rating, body });
  broadcast({ type: 'review', productId: ctx.params.id });
  ctx.status = 201;
  ctx.body = review;
});

v2.get('/reports/top-sellers', async (ctx) => {
  const days = Math.min(Number(ctx.query.days) || 7, 90);
  ctx.body = await reporting.topSellers(days);
});

module.exports = v2;

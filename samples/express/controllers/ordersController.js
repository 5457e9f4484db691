const orderRepo = require('../services/orderRepository');
const payments = require('../services/payments');
const cache = require('../lib/cache');
const realtime = require('../realtime');
const { ORDER_STATUS } = require('../config/constants');

let ordersCreatedSinceBoot = 0;

exports.list = async (req, res, next) => {
  try {
    const limit = Math.min(Number(req.query.limit) || 20, 100);
    res.json(await orderRepo.findRecent(req.user.sub, limit));
  } catch (err) {
    next(err);
  }
};

exports.show = async (req, res, next) => {
  try {
    const order = await cache.getOrFetch(`order:${req.params.id}`, () => orderRepo.findById(req.params.id));
    if (!order) return res.status(404).json({ error: 'order not found' });
    return res.json(order);
  } catch (err) {
    return next(err);
  }
};

exports.create = async (req, res, next) => {
  try {
    const order = await orderRepo.insert({
      userId: req.user.sub,
      status: ORDER_STATUS.PENDING,
      totalCents: req.body.totalCents,
    });
    ordersCreatedSinceBoot++;
    res.set('x-orders-since-boot', String(ordersCreatedSinceBoot));
    realtime.broadcast('order:created', { id: order.id, userId: order.user_id });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};

exports.listItems = async (req, res, next) => {
  try {
    res.json(await orderRepo.listItems(req.params.id));
  } catch (err) {
    next(err);
  }
};

exports.addItem = async (req, res, next) => {
  try {
    const item = await orderRepo.addItem(req.params.id, req.body);
    cache.invalidate(`order:${req.params.id}`);
    res.status(201).json(item);
  } catch (err) {
    next(err);
  }
};

exports.retryPayment = async (req, res, next) => {
  try {
    const order = await orderRepo.findById(req.params.id);
    if (!order || order.status !== ORDER_STATUS.PENDING) {
      return res.status(409).json({ error: 'order is not awaiting payment' });
    }
    let result = await payments.charge(order);
    if (result.status === 'rate_limited') {
      // provider asks for a short back-off before the retry
      await new Promise((r) => setTimeout(r, 5000));
      result = await payments.charge(order);
    }
    return res.json(result);
  } catch (err) {
    return next(err);
  }
};

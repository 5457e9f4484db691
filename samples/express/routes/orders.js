const express = require('express');
const auth = require('../middleware/auth');
const orders = require('../controllers/ordersController');
const { document } = require('../lib/apiDocs');

const router = express.Router();
router.use(auth);

document('GET', '/api/orders', 'Recent orders, including the legacy archive');
document('POST', '/api/orders', 'Place an order');

router.get('/', orders.list);
router.post('/', orders.create);
router.get('/:id', orders.show);
router.route('/:id/items')
  .get(orders.listItems)
  .post(orders.addItem);
router.post('/:id/retry-payment', orders.retryPayment);

module.exports = router;

const ROLES = Object.freeze({
  ADMIN: 'admin',
  STAFF: 'staff',
  CUSTOMER: 'customer',
});

const STATUS = { OK: 'ok', DEGRADED: 'degraded' };

const ORDER_STATUS = Object.freeze({
  PENDING: 'pending',
  PAID: 'paid',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
});

module.exports = { ROLES, STATUS, ORDER_STATUS };

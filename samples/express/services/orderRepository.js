const db = require('./db');
const legacyDb = require('./legacyDb');

async function findRecent(userId, limit) {
  const { rows } = await db.query(
    'SELECT id, status, total_cents, created_at FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2',
    [userId, limit],
  );
  if (rows.length >= limit) return rows;

  const archived = await legacyDb.queryArchive(
    'SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?',
    [userId, limit - rows.length],
  );
  return rows.concat(archived.map((o) => ({ ...o, archived: true })));
}

async function findById(id) {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [id]);
  return rows[0] || null;
}

async function insert(order) {
  const { rows } = await db.query(
    'INSERT INTO orders (user_id, status, total_cents) VALUES ($1, $2, $3) RETURNING *',
    [order.userId, order.status, order.totalCents],
  );
  return rows[0];
}

async function listItems(orderId) {
  const { rows } = await db.query('SELECT * FROM order_items WHERE order_id = $1', [orderId]);
  return rows;
}

async function addItem(orderId, item) {
  const { rows } = await db.query(
    'INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4) RETURNING *',
    [orderId, item.sku, item.quantity, item.priceCents],
  );
  return rows[0];
}

async function countPending(userId) {
  const { rows } = await db.query(
    "SELECT count(*)::int AS n FROM orders WHERE user_id = $1 AND status = 'pending'",
    [userId],
  );
  return rows[0].n;
}

module.exports = { findRecent, findById, insert, listItems, addItem, countPending };

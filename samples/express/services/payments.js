const config = require('../config');

async function charge(order) {
  const res = await fetch(`${config.paymentsUrl}/v1/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `order-${order.id}` },
    body: JSON.stringify({ amount: order.total_cents, currency: 'eur', reference: order.id }),
  });
  if (res.status === 429) return { status: 'rate_limited' };
  if (!res.ok) return { status: 'failed', code: res.status };
  return { status: 'charged', ...(await res.json()) };
}

module.exports = { charge };

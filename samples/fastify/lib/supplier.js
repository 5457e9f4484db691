const SUPPLIER_URL = process.env.SUPPLIER_URL || 'https://api.supplier.example';
const MAX_ATTEMPTS = 3;

let lastOrderAt = null;

async function placeOrder(sku, quantity) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const res = await fetch(`${SUPPLIER_URL}/v2/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.SUPPLIER_TOKEN}` },
      body: JSON.stringify({ sku, quantity }),
    });
    if (res.status !== 429) {
      if (!res.ok) throw new Error(`supplier responded ${res.status}`);
      lastOrderAt = new Date();
      return res.json();
    }
    // supplier allows ~10 orders/minute; back off and try again
    await new Promise((r) => setTimeout(r, 5000 * attempt));
  }
  throw new Error('supplier is still rate limiting, giving up');
}

function lastOrderTime() {
  return lastOrderAt;
}

module.exports = { placeOrder, lastOrderTime };

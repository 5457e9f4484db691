interface StockChange {
  sku: string;
  quantity: number;
}

const PUSH_URL = process.env.PUSH_URL ?? 'https://push.example.com';

// The last stock changes, kept to answer "what changed recently" without a query.
const recentStockCache: StockChange[] = [];

// Filled once while the module loads, only read afterwards.
const EVENT_NAMES: string[] = [];
EVENT_NAMES.push('payment.succeeded', 'payment.failed', 'stock.changed');

let pushToken: string | null = null;

// The push service's token, fetched once and handed out wrapped in an object.
async function pushCredentials() {
  if (!pushToken) {
    const res = await fetch(`${PUSH_URL}/token`, { method: 'POST' });
    pushToken = ((await res.json()) as { token: string }).token;
  }
  return { token: pushToken };
}

export async function notifySubscribers(orderId: string, status: string) {
  const { token } = await pushCredentials();
  await fetch(`${PUSH_URL}/send`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ orderId, status }),
  });
}

export async function recordDelivery(event: string, id: string) {
  if (!EVENT_NAMES.includes(event)) {
    return;
  }
  await fetch(`${PUSH_URL}/deliveries`, { method: 'POST', body: JSON.stringify({ event, id }) });
}

export function rememberStockChange(change: StockChange) {
  recentStockCache.push(change);
  while (recentStockCache.length > 50) {
    recentStockCache.shift();
  }
}

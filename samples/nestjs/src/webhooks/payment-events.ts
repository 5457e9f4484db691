import { notifySubscribers, recordDelivery } from './delivery';

export async function paymentSucceeded(payload: Record<string, string>) {
  await recordDelivery('payment.succeeded', payload.id);
  // not awaited: the push goes on after the webhook has been answered
  notifySubscribers(payload.orderId, 'paid');
  return { ok: true };
}

export async function paymentFailed(payload: Record<string, string>) {
  await recordDelivery('payment.failed', payload.id);
  // the promise is returned: the caller awaits it
  return notifySubscribers(payload.orderId, 'failed');
}

import { rememberStockChange, recordDelivery } from './delivery';

export async function stockChanged(payload: Record<string, string>) {
  rememberStockChange({ sku: payload.sku, quantity: Number(payload.quantity) });
  await recordDelivery('stock.changed', payload.id);
  return { ok: true };
}

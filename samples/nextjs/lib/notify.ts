import { messaging } from './firebase';

export async function notifyNewOrder(order: { id: string; customerId: string; totalCents: number }) {
  await messaging.send({
    topic: `customer-${order.customerId}`,
    notification: {
      title: 'Order received',
      body: `Order ${order.id} (${(order.totalCents / 100).toFixed(2)} EUR) is being processed.`,
    },
    data: { orderId: order.id },
  });
}

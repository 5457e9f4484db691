import Link from 'next/link';
import { PAGE_SIZE } from '@/lib/constants';
import { prisma } from '@/lib/prisma';

export const revalidate = 60;

export default async function HomePage() {
  const orders = await prisma.order.findMany({ orderBy: { createdAt: 'desc' }, take: PAGE_SIZE });

  return (
    <main>
      <h1>Latest orders</h1>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>
            <Link href={`/orders/${o.id}`}>{o.id}</Link> — {o.status} — {(o.totalCents / 100).toFixed(2)} EUR
          </li>
        ))}
      </ul>
      <p>
        <Link href="/admin">Open the legacy admin</Link>
      </p>
    </main>
  );
}

'use client';

import { useEffect, useState } from 'react';
import { Link, MemoryRouter, Route, Routes, useParams } from 'react-router-dom';

type Order = { id: string; status: string; totalCents: number };

function OrderList() {
  const [orders, setOrders] = useState<Order[]>([]);
  useEffect(() => {
    fetch('/api/orders')
      .then((r) => r.json())
      .then((body) => setOrders(body.orders));
  }, []);
  return (
    <ul>
      {orders.map((o) => (
        <li key={o.id}>
          <Link to={`/orders/${o.id}`}>{o.id}</Link> ({o.status})
        </li>
      ))}
    </ul>
  );
}

function OrderDetail() {
  const { orderId } = useParams();
  const [order, setOrder] = useState<Order | null>(null);
  useEffect(() => {
    fetch(`/api/orders/${orderId}`).then(async (r) => setOrder(await r.json()));
  }, [orderId]);
  if (!order) return <p>Loading…</p>;
  return (
    <section>
      <h2>Order {order.id}</h2>
      <p>Status: {order.status}</p>
    </section>
  );
}

// Ported from the old CRA admin; kept client-side only until the pages are rebuilt in app/.
export default function AdminApp() {
  return (
    <MemoryRouter>
      <Routes>
        <Route path="/" element={<OrderList />} />
        <Route path="/orders/:orderId" element={<OrderDetail />} />
        <Route path="/fake" element={<p>Nothing here yet.</p>} />
      </Routes>
    </MemoryRouter>
  );
}

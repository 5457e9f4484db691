import { NextRequest, NextResponse } from 'next/server';
import { actorFrom } from '@/lib/auth';
import { recordAudit } from '@/lib/audit';
import { ORDER_STATUS } from '@/lib/constants';
import { prisma } from '@/lib/prisma';

type Params = { params: { orderId: string } };

// Order detail is hit on every dashboard refresh; keep it for 30s.
const CACHE_TTL_MS = 30_000;
const orderCache = new Map<string, { body: unknown; expires: number }>();

export async function GET(_request: NextRequest, { params }: Params) {
  const cached = orderCache.get(params.orderId);
  if (cached && cached.expires > Date.now()) {
    return NextResponse.json(cached.body);
  }
  const order = await prisma.order.findUnique({ where: { id: params.orderId }, include: { lines: true } });
  if (!order) return NextResponse.json({ error: 'not found' }, { status: 404 });
  orderCache.set(params.orderId, { body: order, expires: Date.now() + CACHE_TTL_MS });
  return NextResponse.json(order);
}

export async function PATCH(request: NextRequest, { params }: Params) {
  const { status } = (await request.json()) as { status?: string };
  if (!status || !Object.values(ORDER_STATUS).includes(status as never)) {
    return NextResponse.json({ error: 'invalid status' }, { status: 400 });
  }
  const order = await prisma.order.update({ where: { id: params.orderId }, data: { status } });
  orderCache.delete(params.orderId);
  return NextResponse.json(order);
}

export async function DELETE(request: NextRequest, { params }: Params) {
  await prisma.order.delete({ where: { id: params.orderId } });
  orderCache.delete(params.orderId);
  await recordAudit('delete', 'order', params.orderId, actorFrom(request));
  return new NextResponse(null, { status: 204 });
}

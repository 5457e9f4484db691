import { NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';
import { ORDER_STATUS, PAGE_SIZE } from '@/lib/constants';
import { notifyNewOrder } from '@/lib/notify';
import { prisma } from '@/lib/prisma';

export const dynamic = 'force-dynamic';

const CreateOrder = z.object({
  customerId: z.string().min(1),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive(), priceCents: z.number().int() })).min(1),
});

export async function GET(request: NextRequest) {
  const page = Math.max(Number(request.nextUrl.searchParams.get('page') ?? '1'), 1);
  const orders = await prisma.order.findMany({
    orderBy: { createdAt: 'desc' },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  return NextResponse.json({ page, orders });
}

export async function POST(request: NextRequest) {
  const parsed = CreateOrder.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  }
  const { customerId, lines } = parsed.data;
  const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);
  const order = await prisma.order.create({
    data: { customerId, totalCents, status: ORDER_STATUS.SUBMITTED, lines: { create: lines } },
  });
  await notifyNewOrder({ id: order.id, customerId, totalCents });
  return NextResponse.json(order, { status: 201 });
}

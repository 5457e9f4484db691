import { NextResponse } from 'next/server';

const CACHE_TTL_MS = 30_000;
const orderCache = new Map<string, { body: unknown; expires: number }>();
const hits = new Map<string, number>();
const cacheStats = { misses: 0 };
let redisCache: { get(k: string): Promise<string> } | null = null;

export async function GET(_req: Request, { params }: { params: { orderId: string } }) {
  const cached = orderCache.get(params.orderId);
  //             ^^^^^^^^^^^^^^ in-memory-cache/js-map-cache
  if (cached && cached.expires > Date.now()) return NextResponse.json(cached.body);
  orderCache.set(params.orderId, { body: {}, expires: Date.now() + CACHE_TTL_MS });
//^^^^^^^^^^^^^^ in-memory-cache/js-map-cache
  // ok: a Map that is not named like a cache (global-state)
  hits.set(params.orderId, 1);
  // ok: a plain object, not a Map (global-state reports the write)
  cacheStats.misses += 1;
  // ok: a remote cache client held in a `let`
  await redisCache?.get('k');
  return NextResponse.json({});
}

export async function DELETE(_req: Request, { params }: { params: { orderId: string } }) {
  orderCache.delete(params.orderId);
//^^^^^^^^^^^^^^ in-memory-cache/js-map-cache
  // ok: a local Map
  const cache = new Map();
  cache.set('a', 1);
  return new NextResponse(null, { status: 204 });
}

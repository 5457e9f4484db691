import { NextRequest, NextResponse } from 'next/server';

type RouteHandler<P> = (req: NextRequest, ctx: { params: P }) => Promise<Response>;

export function withApiKey<P>(handler: RouteHandler<P>): RouteHandler<P> {
  return async (req, ctx) => {
    if (req.headers.get('x-api-key') !== process.env.INTERNAL_API_KEY) {
      return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
    }
    return handler(req, ctx);
  };
}

export function actorFrom(req: NextRequest): string {
  return req.headers.get('x-user-email') ?? 'anonymous';
}

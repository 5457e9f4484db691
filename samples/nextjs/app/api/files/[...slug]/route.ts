import { mkdir, writeFile } from 'fs/promises';
import path from 'path';
import { NextRequest, NextResponse } from 'next/server';
import { withApiKey } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

export const runtime = 'nodejs';

type Params = { slug: string[] };

const UPLOAD_ROOT = path.join(process.cwd(), 'public', 'uploads');

export async function GET(_request: NextRequest, { params }: { params: Params }) {
  const key = params.slug.join('/');
  const file = await prisma.file.findUnique({ where: { key } });
  if (!file) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.redirect(new URL(`/uploads/${file.key}`, process.env.PUBLIC_BASE_URL));
}

export const PUT = withApiKey<Params>(async (request, { params }) => {
  const key = params.slug.map((s) => s.replace(/[^a-zA-Z0-9._-]/g, '_')).join('/');
  const target = path.join(UPLOAD_ROOT, key);
  const bytes = Buffer.from(await request.arrayBuffer());
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  const file = await prisma.file.upsert({
    where: { key },
    create: { key, size: bytes.length, contentType: request.headers.get('content-type') ?? 'application/octet-stream' },
    update: { size: bytes.length },
  });
  return NextResponse.json(file, { status: 201 });
});

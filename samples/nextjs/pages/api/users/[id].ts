import type { NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';
import { rateLimit } from '@/lib/rateLimit';

const UpdateUser = z.object({
  name: z.string().min(1).max(120).optional(),
  phone: z.string().max(32).optional(),
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const ip = (req.headers['x-forwarded-for'] as string | undefined)?.split(',')[0] ?? req.socket.remoteAddress ?? 'unknown';
  if (rateLimit(ip)) {
    return res.status(429).json({ error: 'too many requests' });
  }

  const id = String(req.query.id);

  switch (req.method) {
    case 'GET': {
      const user = await prisma.user.findUnique({ where: { id }, include: { orders: { take: 5 } } });
      if (!user) return res.status(404).json({ error: 'not found' });
      return res.status(200).json(user);
    }
    case 'PUT': {
      const parsed = UpdateUser.safeParse(req.body);
      if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
      const user = await prisma.user.update({ where: { id }, data: parsed.data });
      return res.status(200).json(user);
    }
    case 'DELETE': {
      await prisma.user.delete({ where: { id } });
      return res.status(204).end();
    }
    default:
      res.setHeader('Allow', 'GET, PUT, DELETE');
      return res.status(405).json({ error: `method ${req.method} not allowed` });
  }
}

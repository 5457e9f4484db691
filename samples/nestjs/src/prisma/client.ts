import { PrismaClient } from '@prisma/client';

// One client per process; Prisma manages its own connection pool.
export const prisma = new PrismaClient({
  log: process.env.NODE_ENV === 'production' ? ['warn', 'error'] : ['query', 'warn', 'error'],
});

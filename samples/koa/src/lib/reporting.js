const { PrismaClient } = require('@prisma/client');

// Reporting queries go to the read replica.
async function topSellers(days) {
  const replica = new PrismaClient({ datasources: { db: { url: process.env.REPLICA_DATABASE_URL } } });
  try {
    return await replica.orderLine.groupBy({
      by: ['productId'],
      where: { createdAt: { gte: new Date(Date.now() - days * 24 * 60 * 60 * 1000) } },
      _sum: { quantity: true },
      orderBy: { _sum: { quantity: 'desc' } },
      take: 20,
    });
  } finally {
    await replica.$disconnect();
  }
}

module.exports = { topSellers };

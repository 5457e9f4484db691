const { PrismaClient } = require('@prisma/client');
const { LRUCache } = require('lru-cache');

const prisma = new PrismaClient();

const productCache = new LRUCache({ max: 500, ttl: 60 * 1000 });

async function listProducts(category) {
  return prisma.product.findMany({
    where: category ? { category } : {},
    orderBy: { name: 'asc' },
    take: 50,
  });
}

async function getProduct(id) {
  const cached = productCache.get(id);
  if (cached) return cached;
  const product = await prisma.product.findUnique({ where: { id }, include: { reviews: { take: 10 } } });
  if (product) productCache.set(id, product);
  return product;
}

async function addReview(productId, review) {
  const created = await prisma.review.create({ data: { productId, rating: review.rating, body: review.body } });
  productCache.delete(productId);
  return created;
}

async function latestProducts(count) {
  return prisma.product.findMany({ orderBy: { createdAt: 'desc' }, take: count });
}

module.exports = { listProducts, getProduct, addReview, latestProducts };

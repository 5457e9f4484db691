import { Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_CURRENCY } from '../common/constants';
import { prisma } from '../prisma/client';

export interface PriceQuote {
  sku: string;
  currency: string;
  amountCents: number;
}

const PRICE_TTL_MS = 5 * 60 * 1000;
const priceCache = new Map<string, { quote: PriceQuote; expires: number }>();

@Injectable()
export class ProductsService {
  findAll(category?: string) {
    return prisma.product.findMany({
      where: category ? { category } : undefined,
      orderBy: { name: 'asc' },
      take: 100,
    });
  }

  async getPrice(sku: string, currency = DEFAULT_CURRENCY): Promise<PriceQuote> {
    const cacheKey = `${sku}:${currency}`;
    const cached = priceCache.get(cacheKey);
    if (cached && cached.expires > Date.now()) return cached.quote;

    const quote = await this.fetchQuote(sku, currency);
    priceCache.set(cacheKey, { quote, expires: Date.now() + PRICE_TTL_MS });
    return quote;
  }

  private async fetchQuote(sku: string, currency: string): Promise<PriceQuote> {
    const res = await fetch(`${process.env.PRICING_URL}/quotes/${encodeURIComponent(sku)}?currency=${currency}`);
    if (res.status === 404) throw new NotFoundException(`no price for ${sku}`);
    const body = (await res.json()) as { amount_cents: number };
    return { sku, currency, amountCents: body.amount_cents };
  }
}

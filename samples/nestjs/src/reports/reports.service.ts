import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Pool } from 'pg';

export interface RevenueRow {
  day: string;
  orders: number;
  revenue_cents: number;
}

@Injectable()
export class ReportsService {
  constructor(private readonly config: ConfigService) {}

  // Runs against the analytics replica so long aggregations don't touch the primary.
  async revenueByDay(from: string, to: string): Promise<RevenueRow[]> {
    const pool = new Pool({
      connectionString: this.config.get<string>('ANALYTICS_DATABASE_URL'),
      max: 2,
      statement_timeout: 30000,
    });
    try {
      const { rows } = await pool.query<RevenueRow>(
        `SELECT date_trunc('day', created_at)::date AS day, count(*)::int AS orders, sum(total_cents)::int AS revenue_cents
           FROM orders WHERE created_at >= $1 AND created_at < $2
          GROUP BY 1 ORDER BY 1`,
        [from, to],
      );
      return rows;
    } finally {
      await pool.end();
    }
  }
}

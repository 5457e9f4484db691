import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
// ok: the Next.js singleton at module level
export const prisma = globalForPrisma.prisma ?? new PrismaClient();

@Injectable()
export class ReportsService {
  async revenueByDay(from: string, to: string) {
    const pool = new Pool({ connectionString: process.env.ANALYTICS_URL, max: 2 });
    //           ^^^^^^^^ connection-per-request/js-db-connect
    try {
      const { rows } = await pool.query('select $1::date, $2::date', [from, to]);
      return rows;
    } finally {
      await pool.end();
    }
  }
}

import { BadRequestException, Body, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { AuthGuard } from '../auth/auth.guard';
import { NotificationsService } from './notifications.service';
import { ReportsService } from './reports.service';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@Controller('reports')
@UseGuards(AuthGuard)
export class ReportsController {
  constructor(
    private readonly reportsService: ReportsService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get('revenue')
  revenue(@Query('from') from: string, @Query('to') to: string) {
    if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) {
      throw new BadRequestException('from and to must be YYYY-MM-DD');
    }
    return this.reportsService.revenueByDay(from, to);
  }

  @Post('revenue/share')
  async share(@Body() body: { from: string; to: string; recipients: string[] }) {
    const rows = await this.reportsService.revenueByDay(body.from, body.to);
    const csv = ['day,orders,revenue_cents', ...rows.map((r) => `${r.day},${r.orders},${r.revenue_cents}`)].join('\n');
    const messageId = await this.notifications.emailReport(body.recipients, `Revenue ${body.from}..${body.to}`, csv);
    return { messageId };
  }
}

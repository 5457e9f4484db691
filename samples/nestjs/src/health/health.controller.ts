import { Controller, Get } from '@nestjs/common';

const STATUS = { OK: 'ok' } as const;

@Controller('health')
export class HealthController {
  @Get()
  check() {
    return { status: STATUS.OK, uptime: Math.round(process.uptime()) };
  }
}

import { Injectable } from '@nestjs/common';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';
import { Process, Processor } from '@nestjs/bull';
import { InjectQueue } from '@nestjs/bull';
import { Queue } from 'bull';
import { CronOnce } from './cron-once.decorator';
import { Timeout } from './timing';

@Injectable()
export class CleanupService {
  constructor(@InjectQueue('mail') private readonly mail: Queue) {}

  @Cron('0 3 * * *')
//^^^^^^^^^^^^^^^^^^ background-work/js-nest-schedule
  async purgeCarts() {}

  @Interval(5000)
//^^^^^^^^^^^^^^^ background-work/js-nest-schedule
  async poll() {}

  @CronOnce(CronExpression.EVERY_DAY_AT_MIDNIGHT)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-nest-schedule
  async deleteExpiredTokens() {}

  // ok: a Timeout of the app's own, not @nestjs/schedule's
  @Timeout(100)
  async bounded() {}

  // ok: producing a job is the remedy
  async welcome(to: string) {
    await this.mail.add('welcome', { to });
  }
}

@Processor('tasks')
//^^^^^^^^^^^^^^^^^ background-work/js-nest-schedule
export class TaskConsumer {
  @Process()
  async handle() {}
}

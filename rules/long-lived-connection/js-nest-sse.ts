import { Controller, Get, MessageEvent, Sse, UseGuards } from '@nestjs/common';
import { interval, map, Observable } from 'rxjs';

@Controller('events')
export class EventsController {
  @Sse('stream')
  stream(): Observable<MessageEvent> {
//^^^^^^ long-lived-connection/js-nest-sse
    return interval(1000).pipe(map(() => ({ data: { at: Date.now() } })));
  }

  @Sse('guarded')
  @UseGuards(AuthGuard)
  guarded(): Observable<MessageEvent> {
//^^^^^^^ long-lived-connection/js-nest-sse
    return interval(5000).pipe(map(() => ({ data: 'ping' })));
  }

  // ok: an ordinary GET
  @Get('latest')
  latest() {
    return { at: Date.now() };
  }

  // ok: @Sse on the previous method only
  @Get('other')
  other() {
    return {};
  }
}

import { Body, Controller, Param, Post } from '@nestjs/common';

import { dispatchEvent } from './dispatch';
import * as paymentEvents from './payment-events';
import * as stockEvents from './stock-events';

// Event name -> handler: every function the two modules export (`paymentSucceeded`, ...).
const EVENT_HANDLERS = { ...paymentEvents, ...stockEvents };

@Controller('webhooks')
export class WebhooksController {
  @Post(':event')
  receive(@Param('event') event: string, @Body() payload: Record<string, string>) {
    return dispatchEvent(EVENT_HANDLERS, event, payload);
  }
}

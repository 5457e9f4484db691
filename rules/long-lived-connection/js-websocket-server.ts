import { Logger } from '@nestjs/common';
import { MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';

@WebSocketGateway({ cors: true })
//^^^^^^^^^^^^^^^ long-lived-connection/js-websocket-server
export class EventsGateway {
  // ok: the injected server of the gateway above (a type, not a new server)
  @WebSocketServer()
  server: Server;

  private readonly logger = new Logger(EventsGateway.name);

  // ok: a message handler of the gateway
  @SubscribeMessage('watch')
  watch(@MessageBody() room: string, client: Socket) {
    client.join(room);
  }
}

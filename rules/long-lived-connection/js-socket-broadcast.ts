import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Server } from 'socket.io';
import { EventEmitter2 } from '@nestjs/event-emitter';

@WebSocketGateway()
export class EventsGateway {
  @WebSocketServer()
  server: Server;

  constructor(private readonly events: EventEmitter2) {}

  fileUploaded(ownerId: string, key: string) {
    this.server.to(`owner:${ownerId}`).emit('file.uploaded', { key });
  //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-socket-broadcast
    // ok: an in-process event bus
    this.events.emit('file.uploaded', { key });
  }
}

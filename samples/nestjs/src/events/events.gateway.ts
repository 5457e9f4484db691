import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';

@WebSocketGateway()
export class EventsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer()
  server: Server;

  private readonly logger = new Logger(EventsGateway.name);

  handleConnection(client: Socket) {
    this.logger.debug(`client connected: ${client.id}`);
  }

  handleDisconnect(client: Socket) {
    this.logger.debug(`client disconnected: ${client.id}`);
  }

  @SubscribeMessage('watch')
  watch(@ConnectedSocket() client: Socket, @MessageBody() ownerId: string) {
    client.join(`owner:${ownerId}`);
    return { event: 'watching', data: ownerId };
  }

  fileUploaded(ownerId: string, key: string) {
    this.server.to(`owner:${ownerId}`).emit('file.uploaded', { key });
  }
}

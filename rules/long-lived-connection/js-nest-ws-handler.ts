import { UseGuards } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { Socket } from 'socket.io';

@WebSocketGateway()
export class EventsGateway {
  // ok: lifecycle hooks and helpers are not message handlers
  handleConnection(client: Socket) {
    return client.id;
  }

  @SubscribeMessage('watch')
  watch(@ConnectedSocket() client: Socket, @MessageBody() ownerId: string) {
//^^^^^ long-lived-connection/js-nest-ws-handler
    client.join(`owner:${ownerId}`);
    return { event: 'watching', data: ownerId };
  }

  @SubscribeMessage('unwatch')
  @UseGuards(WsAuthGuard)
  unwatch(@ConnectedSocket() client: Socket, @MessageBody() ownerId: string) {
//^^^^^^^ long-lived-connection/js-nest-ws-handler
    client.leave(`owner:${ownerId}`);
  }

  fileUploaded(ownerId: string) {
    return ownerId;
  }
}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';

import { AuthGuard } from './auth/auth.guard';
import { EventsGateway } from './events/events.gateway';
import { FilesController } from './files/files.controller';
import { FilesService } from './files/files.service';
import { HealthController } from './health/health.controller';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { NotificationsService } from './reports/notifications.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { SettingsController } from './settings/settings.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    JwtModule.register({
      global: true,
      secret: process.env.JWT_SECRET ?? 'dev-only-secret',
      signOptions: { expiresIn: '1h' },
    }),
  ],
  controllers: [
    HealthController,
    UsersController,
    FilesController,
    ReportsController,
    ProductsController,
    SettingsController,
    WebhooksController,
  ],
  providers: [
    AuthGuard,
    EventsGateway,
    UsersService,
    FilesService,
    ReportsService,
    NotificationsService,
    ProductsService,
  ],
})
export class AppModule {}

import {
  Controller,
  Get,
  Param,
  Post,
  Req,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request } from 'express';
import { AuthGuard, AuthUser } from '../auth/auth.guard';
import { EventsGateway } from '../events/events.gateway';
import { FilesService } from './files.service';

@Controller('files')
@UseGuards(AuthGuard)
export class FilesController {
  constructor(
    private readonly filesService: FilesService,
    private readonly events: EventsGateway,
  ) {}

  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024 } }))
  async upload(@UploadedFile() file: Express.Multer.File, @Req() req: Request & { user: AuthUser }) {
    const key = await this.filesService.store(file, req.user.sub);
    this.events.fileUploaded(req.user.sub, key);
    return { key };
  }

  @Get(':key')
  async download(@Param('key') key: string) {
    return { url: await this.filesService.presign(decodeURIComponent(key)) };
  }

  @Post(':key/thumbnail')
  async thumbnail(@Param('key') key: string) {
    return { key: await this.filesService.makeThumbnail(decodeURIComponent(key)) };
  }
}

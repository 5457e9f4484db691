import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';

export const uploads = MulterModule.register({ dest: './uploads' });
//                     ^^^^^^^^^^^^^^^^^^^^^ local-fs/js-multer-disk-storage

@Controller('files')
export class FilesController {
  @Post('disk')
  @UseInterceptors(FileInterceptor('file', { dest: './uploads' }))
  //               ^^^^^^^^^^^^^^^ local-fs/js-multer-disk-storage
  disk(@UploadedFile() file: Express.Multer.File) {
    return file.path;
  }

  @Post('custom')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: './uploads' }) }))
  //                                                  ^^^^^^^^^^^ local-fs/js-multer-disk-storage
  custom(@UploadedFile() file: Express.Multer.File) {
    return file.filename;
  }

  // ok: no dest/storage: memory storage
  @Post('memory')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024 } }))
  memory(@UploadedFile() file: Express.Multer.File) {
    return file.size;
  }
}

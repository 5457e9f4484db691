import { Controller, Post, UploadedFile } from '@nestjs/common';

@Controller('files')
export class FilesController {
  @Post()
  upload(@UploadedFile() file: Express.Multer.File) {
  //     ^^^^^^^^^^^^^^^ local-fs/js-uploaded-file-used
    return file.path;
  }
}

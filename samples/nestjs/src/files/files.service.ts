import { spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

@Injectable()
export class FilesService {
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
  private readonly bucket = process.env.UPLOAD_BUCKET ?? 'acme-catalog-uploads';

  async store(file: Express.Multer.File, ownerId: string): Promise<string> {
    const key = `${ownerId}/${randomUUID()}-${file.originalname}`;
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: file.buffer,
        ContentType: file.mimetype,
      }),
    );
    return key;
  }

  presign(key: string): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: 900,
    });
  }

  async makeThumbnail(key: string): Promise<string> {
    const original = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const input = Buffer.from(await original.Body.transformToByteArray());
    const thumb = await this.resize(input, '320x320');
    const thumbKey = `thumbs/${key}.png`;
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: thumbKey, Body: thumb, ContentType: 'image/png' }),
    );
    return thumbKey;
  }

  private resize(input: Buffer, geometry: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const proc = spawn('convert', ['-', '-thumbnail', geometry, 'png:-']);
      const chunks: Buffer[] = [];
      proc.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      proc.on('error', reject);
      proc.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(chunks));
        else reject(new Error(`convert exited with ${code}`));
      });
      proc.stdin.end(input);
    });
  }
}

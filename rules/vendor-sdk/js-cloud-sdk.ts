import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import admin from 'firebase-admin';
import { Storage } from '@google-cloud/storage';
import { randomUUID } from 'crypto';

// ok: module-level initialisation
if (!admin.apps.length) admin.initializeApp();

export class FilesService {
  // ok: a class field, created once with the provider
  private readonly s3 = new S3Client({ region: 'eu-central-1' });

  async store(body: Buffer): Promise<string> {
    const key = randomUUID();
    await this.s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: body }));
    //                 ^^^^^^^^^^^^^^^^^^^^ vendor-sdk/js-cloud-sdk
    return key;
  }

  presign(key: string): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: 'uploads', Key: key }), { expiresIn: 900 });
    //     ^^^^^^^^^^^^ vendor-sdk/js-cloud-sdk
  }

  async notify(token: string) {
    await admin.messaging().send({ token, notification: { title: 'Done' } });
    //    ^^^^^^^^^^^^^^^ vendor-sdk/js-cloud-sdk
    const bucket = new Storage().bucket('archive');
    //             ^^^^^^^^^^^ vendor-sdk/js-cloud-sdk
    // ok: not a vendor SDK
    return randomUUID() + bucket.name;
  }
}

import { app, HttpResponse } from '@azure/functions';
import { BlobServiceClient } from '@azure/storage-blob';

// ok: the Azure Functions runtime is the serverless platform, not a vendor dependency to port
app.http('hello', { handler: async () => new HttpResponse({ body: 'hi' }) });

export async function archive(name: string) {
  const blobs = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE as string);
  //            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/js-cloud-sdk
  return blobs.getContainerClient(name);
}

import admin from 'firebase-admin';
import * as AWS from 'aws-sdk';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

const messaging = admin.messaging();
const ses = new AWS.SES({ region: 'eu-central-1' });
const s3 = new S3Client({});
const cache = new Map<string, string>();

// ok: module level
console.log(ses.config.region);

export async function notifyNewOrder(order: { id: string; customerId: string }) {
  await messaging.send({ topic: `customer-${order.customerId}`, data: { orderId: order.id } });
  //    ^^^^^^^^^^^^^^ vendor-sdk/js-cloud-client-used
  await ses.sendEmail({ Source: 'a@b.c', Destination: { ToAddresses: [] }, Message: {} as never }).promise();
  //    ^^^^^^^^^^^^^ vendor-sdk/js-cloud-client-used
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: order.id }));
  //    ^^^^^^^ vendor-sdk/js-cloud-client-used
  // ok: not a vendor client
  return cache.get(order.id);
}

import { Injectable, Logger } from '@nestjs/common';
import * as AWS from 'aws-sdk';

const ses = new AWS.SES({ apiVersion: '2010-12-01', region: process.env.AWS_REGION ?? 'eu-central-1' });

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  async emailReport(to: string[], subject: string, csv: string): Promise<string> {
    const result = await ses
      .sendEmail({
        Source: process.env.REPORTS_FROM ?? 'reports@acme.example',
        Destination: { ToAddresses: to },
        Message: {
          Subject: { Data: subject },
          Body: { Text: { Data: csv } },
        },
      })
      .promise();
    this.logger.log(`report mailed to ${to.length} recipient(s): ${result.MessageId}`);
    return result.MessageId;
  }
}

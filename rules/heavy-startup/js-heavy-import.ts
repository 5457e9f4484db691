import * as AWS from 'aws-sdk';
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/js-heavy-import
import { google } from 'googleapis';
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/js-heavy-import
// ok: a type-only import is erased at compile time
import type { Browser } from 'puppeteer';
// ok: aws-sdk v3
import { SESClient } from '@aws-sdk/client-ses';

export const ses = new AWS.SES({ region: 'eu-central-1' });
export function sheets(browser: Browser) {
  return { api: google.sheets('v4'), browser, v3: new SESClient({}) };
}

const puppeteer = require('puppeteer');
//                ^^^^^^^ heavy-startup/js-heavy-import
const { chromium } = require('playwright');
//                   ^^^^^^^ heavy-startup/js-heavy-import
const AWS = require('aws-sdk');
//          ^^^^^^^ heavy-startup/js-heavy-import
// ok: the slim per-service client of aws-sdk v2, and sdk v3
const S3 = require('aws-sdk/clients/s3');
const { S3Client } = require('@aws-sdk/client-s3');
// ok: small or lazy packages
const sharp = require('sharp');
const express = require('express');
// ok: the slim googleapis client
const { drive } = require('@googleapis/drive');

async function renderPdf(html) {
  // ok: loaded lazily, inside the function (the remedy)
  const tf = require('@tensorflow/tfjs-node');
  const { google } = await import('googleapis');
  const browser = await puppeteer.launch();
  return { browser, tf, google, chromium, AWS, S3, S3Client, sharp, express, drive };
}

module.exports = { renderPdf };

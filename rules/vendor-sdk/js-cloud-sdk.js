const AWS = require('aws-sdk');
const { PubSub } = require('@google-cloud/pubsub');
const storage = require('./storage');

async function upload(req, res) {
  const s3 = new AWS.S3({ region: 'eu-west-1' });
  //         ^^^^^^^^^^ vendor-sdk/js-cloud-sdk
  await s3.putObject({ Bucket: 'b', Key: req.params.key, Body: req.body }).promise();
  await new PubSub().topic('uploads').publishMessage({ json: { key: req.params.key } });
  //    ^^^^^^^^^^^^ vendor-sdk/js-cloud-sdk
  // ok: the app's own storage wrapper
  await storage.put(req.params.key, req.body);
  res.status(201).end();
}

// ok: module-level configuration
AWS.config.update({ region: 'eu-west-1' });

module.exports = { upload };

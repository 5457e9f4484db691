"""Uploads generated files to S3 and hands back a short-lived link."""
import boto3

from .config import Config


def upload_report(local_path, key):
    s3 = boto3.client('s3')
    s3.upload_file(local_path, Config.REPORT_BUCKET, key)
    return s3.generate_presigned_url(
        'get_object',
        Params={'Bucket': Config.REPORT_BUCKET, 'Key': key},
        ExpiresIn=3600,
    )

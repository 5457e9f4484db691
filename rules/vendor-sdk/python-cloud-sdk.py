import boto3
import firebase_admin
from azure.storage.blob import BlobServiceClient
from firebase_admin import auth
from google.cloud import bigquery, storage
from minio import Minio

from . import fakes
from .clients import ApiClient

s3 = boto3.client('s3')
# ok: module level, created once per instance (the recommended pattern)


def upload_report(local_path, key, bucket):
    client = boto3.client('s3')
    #        ^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk
    client.upload_file(local_path, bucket, key)
    # ok: a method of the client created above (reported once, at the constructor)
    table = boto3.resource('dynamodb').Table('orders')
    #       ^^^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk
    s3.put_object(Bucket=bucket, Key=key, Body=b'')
    # ok: the module-level client
    return table


def gcp(bucket_name):
    gcs = storage.Client()
    #     ^^^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk
    bq = bigquery.Client(project='x')
    #    ^^^^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk
    return gcs.bucket(bucket_name), bq


def azure(conn_str):
    return BlobServiceClient.from_connection_string(conn_str)
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk


def firebase(token):
    firebase_admin.initialize_app()
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk
    return auth.verify_id_token(token)
    #      ^^^^^^^^^^^^^^^^^^^^ vendor-sdk/python-cloud-sdk


def own_client(http):
    api = ApiClient(base_url='https://api.example.com')
    # ok: the app's own class
    return http.get('https://example.com'), api
    # ok: an HTTP client


def object_store(endpoint, key, secret):
    client = Minio(endpoint, key, secret)
    #        ^^^^^ vendor-sdk/python-cloud-sdk
    return client


def fake_store():
    return fakes.Minio()
    # ok: the app's own class named like the SDK's

"""S3 in the tests: moto's S3 API server on 127.0.0.1, buckets in it, and media storage pointed at one.

moto runs as its own process, so the storage is exercised through the real S3 HTTP API (signatures,
presigned URLs, deletes), not a mock. The fixtures that use these are in tests/conftest.py.
"""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3

from django.conf import settings as django_settings

ACCESS_KEY = "testing"
SECRET_KEY = "testing"
REGION = "us-east-1"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def moto_server():
    """moto's S3 server on a free port of 127.0.0.1; yields its endpoint, stops it at the end."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto's S3 server did not start on {endpoint}") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def client_for(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )


def new_bucket(client):
    """A new, empty bucket, so what a test finds in it is what the test put there."""
    name = f"etalase-media-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    return name


def s3_options(endpoint, bucket, **overrides):
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "region_name": REGION,
        "file_overwrite": False,
        "default_acl": "private",
        "querystring_auth": True,
        "signature_version": "s3v4",
    }
    options.update(overrides)
    return options


def s3_storages(endpoint, bucket, **overrides):
    """STORAGES with media in `bucket`, through the storage class production uses."""
    return {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "storefront.storage.MediaStorage",
            "OPTIONS": s3_options(endpoint, bucket, **overrides),
        },
    }


def use_s3_storage(settings, endpoint, bucket, **overrides):
    """Point default storage at `bucket`; assigning STORAGES resets Django's cached storages."""
    settings.STORAGES = s3_storages(endpoint, bucket, **overrides)


def bucket_keys(client, bucket):
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    return sorted(keys)

"""Fixtures for the production services: moto's S3 API server, S3 media storage, and Redis.

moto runs as its own process on a free port of 127.0.0.1 for the whole session, so the storage
is exercised through the real S3 HTTP API (signatures, presigned URLs, deletes), not a mock.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3
import pytest

from django.conf import settings as django_settings

ACCESS_KEY = "testing"
SECRET_KEY = "testing"
REGION = "us-east-1"
# One Redis database per pytest-xdist worker (gw0 → 15, gw1 → 14 …), so that one worker's flush
# never empties another's cache.
REDIS_URL = (
    f"redis://127.0.0.1:6379/{15 - int(os.environ.get('PYTEST_XDIST_WORKER', 'gw0').removeprefix('gw'))}"
)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on 127.0.0.1, started once and stopped at the end of the session."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"moto's S3 server did not start on {endpoint}")
            time.sleep(0.2)
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def s3_client(s3_endpoint):
    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )


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


def use_s3_storage(settings, endpoint, bucket, **overrides):
    """Point default storage at `bucket`; assigning STORAGES resets Django's cached storages."""
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "storefront.storage.MediaStorage",  # as configured in production
            "OPTIONS": s3_options(endpoint, bucket, **overrides),
        },
    }


@pytest.fixture
def bucket(s3_client):
    """A new, empty bucket for each test, so what a test finds in it is what the test put there."""
    name = f"etalase-media-{uuid.uuid4().hex[:12]}"
    s3_client.create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3_media(settings, s3_endpoint, bucket, tmp_path):
    """Media on S3 (private objects, signed URLs); MEDIA_ROOT is an empty directory to prove it stays so."""
    settings.MEDIA_ROOT = tmp_path / "media"
    use_s3_storage(settings, s3_endpoint, bucket)
    return bucket


def bucket_keys(client, bucket):
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    return sorted(keys)


@pytest.fixture
def redis_cache(settings):
    """The default cache on Redis database 15 (flushed before and after), sessions as cached_db."""
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.fail(f"Redis is not reachable at {REDIS_URL} ({exc}); start it with scripts/start-services.sh")
    connection.flushdb()
    settings.CACHES = {
        **django_settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield connection
    connection.flushdb()
    connection.close()

"""Fixtures for the production services: S3 media storage (on moto's server, see tests/s3.py) and Redis."""

import os

import pytest

from django.conf import settings as django_settings

from tests.s3 import use_s3_storage

# One Redis database per pytest-xdist worker (gw0 → 15, gw1 → 14 …), so that one worker's flush
# never empties another's cache.
REDIS_URL = (
    f"redis://127.0.0.1:6379/{15 - int(os.environ.get('PYTEST_XDIST_WORKER', 'gw0').removeprefix('gw'))}"
)


@pytest.fixture
def s3_media(settings, s3_endpoint, bucket, tmp_path):
    """Media on S3 (private objects, signed URLs); MEDIA_ROOT is an empty directory to prove it stays so."""
    settings.MEDIA_ROOT = tmp_path / "media"
    use_s3_storage(settings, s3_endpoint, bucket)
    return bucket


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

"""Settings for the test suite: fast hashing, mail kept in memory, tasks run at once."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = ""
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None  # tests of it ask the DeepL stand-in (tests/deepl_standin.py)
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Indexing every page saved costs the tests more than anything else they do; the tests of search
# turn it on (the `search_index` fixture in tests/conftest.py).
WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False  # noqa: F405
PAGE_CACHE = False  # tests of the page cache turn it on (tests/production/test_page_cache.py)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, as the site's own database is, not SQLite's shared in-memory one: there a read of a
    # table that another connection is writing fails at once ("database table is locked") instead of
    # waiting for the writer. The tests that deliver webhooks concurrently, or serve Chromium from a
    # live server, need SQLite to behave as it does for the site.
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405 - not in a fresh clone
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}  # noqa: F405
    # The test database is thrown away: no waiting for the disk at every commit.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"  # noqa: F405
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # The same for PostgreSQL, for this connection's commits only (the server's other databases keep theirs).
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"  # noqa: F405

"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS; secure cookies and HSTS."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

DEVELOPMENT_HINT = (
    " For development, set DJANGO_SETTINGS_MODULE=storefront.settings.dev (as `make run` does)."
)
if not os.environ.get("SECRET_KEY", "").strip():
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production." + DEVELOPMENT_HINT)
if SECRET_KEY == DEV_SECRET_KEY:  # noqa: F405 - public, in the repository
    raise ImproperlyConfigured("SECRET_KEY is the development key; set a long random one for production.")
if not os.environ.get("ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS (comma-separated) in the environment for production." + DEVELOPMENT_HINT
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# A new dict, not base's changed in place: importing this module (a test reads its headers) must
# not change the settings of the process that imports it.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

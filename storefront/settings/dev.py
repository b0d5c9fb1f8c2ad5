"""Local development: the embedded default (SQLite, local media, e-mail to files, Stripe off).

DEBUG is off unless DJANGO_DEBUG=1, so `make run` shows the site's own 404 and 500 pages as a buyer
would see them; WhiteNoise serves the static files straight from the source folders (no
collectstatic) and Django's static view the local media, with DEBUG on or off.
"""

from .base import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", False)  # noqa: F405
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True  # a changed CSS or JS file is served at once, without a restart
SERVE_LOCAL_MEDIA = not AWS_STORAGE_BUCKET_NAME  # noqa: F405

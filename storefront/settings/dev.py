"""Local development: the embedded default (SQLite, local media, e-mail to files, Stripe off)."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY  # noqa: F405

"""WSGI entry point for gunicorn and other servers."""

import os

from django.core.wsgi import get_wsgi_application

# Production unless told otherwise: a server started without the variable must not run with DEBUG on
# and the public development key that signs order links. `make run` asks for the dev settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.production")

application = get_wsgi_application()

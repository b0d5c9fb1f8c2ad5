#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

if __name__ == "__main__":
    # As storefront/wsgi.py: the dev settings only when asked for (the Makefile and .env.example do).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

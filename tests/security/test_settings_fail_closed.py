"""Started without DJANGO_SETTINGS_MODULE, the site runs production settings or refuses to start.

Never the dev settings by accident: they sign order links with a public key (and turn DEBUG on
with DJANGO_DEBUG=1).
"""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
UNSET = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_DEBUG"}
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-0123456789",
    "ALLOWED_HOSTS": "etalase.example.org",
}


def run(args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in UNSET}
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_wsgi_app_without_settings_or_secret_key_refuses_to_start():
    result = run(["-c", "import storefront.wsgi"])

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set SECRET_KEY" in result.stderr


def test_the_wsgi_app_without_settings_runs_the_production_settings():
    result = run(
        [
            "-c",
            "import storefront.wsgi; from django.conf import settings as s; print(s.SETTINGS_MODULE,s.DEBUG)",
        ],
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["storefront.settings.production", "False"]


def test_manage_py_without_settings_refuses_to_run_without_a_secret_key():
    result = run(["manage.py", "check"])

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr and "storefront.settings.dev" in result.stderr


def test_production_refuses_the_public_development_key():
    result = run(
        ["-c", "import storefront.wsgi"],
        SECRET_KEY="dev-only-insecure-key-do-not-use-in-production",
        ALLOWED_HOSTS="etalase.example.org",
    )

    assert result.returncode != 0
    assert "SECRET_KEY is the development key" in result.stderr

"""Security headers with the production settings: CSP the pages satisfy, HSTS, nosniff, referrer and
permissions policies; and `check --deploy` finds nothing to warn about."""

import importlib
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.test import override_settings

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "etalase.example.org"}
HEADER_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "X_FRAME_OPTIONS",
]


@pytest.fixture
def production_headers(monkeypatch):
    """The header settings exactly as storefront.settings.production makes them."""
    for key, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(key, value)
    production = importlib.import_module("storefront.settings.production")
    with override_settings(**{name: getattr(production, name) for name in HEADER_SETTINGS}):
        yield


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_a_product_page_has_the_security_headers_and_satisfies_its_policy(
    client, product, production_headers
):
    response = client.get(product.url, secure=True, headers={"Host": "etalase.example.org"})

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=(self)"):
        assert feature in permissions
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'", "https://checkout.stripe.com"]
    # What the page holds, the policy allows: no inline script but data, no <style>, no handlers.
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts and all('src="/' in attrs or 'type="application/ld+json"' in attrs for attrs in scripts)
    assert "<style" not in html and not re.search(r"\son[a-z]+=", html)


def test_the_admin_alone_may_run_inline_scripts(client, site_tree, django_user_model, production_headers):
    client.force_login(django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz"))

    admin = directives(client.get("/admin/", secure=True)["Content-Security-Policy"])
    public = directives(client.get("/en/", secure=True)["Content-Security-Policy"])

    assert "'unsafe-inline'" in admin["script-src"] and admin["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in public["script-src"]


def test_images_may_come_from_the_media_cdn():
    # The policy is computed from the environment at start-up: run the settings as a server would.
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "etalase-media",
        "AWS_S3_CUSTOM_DOMAIN": "media.etalase.example.org",
    }
    code = "from storefront.settings import production as p; print(p.CONTENT_SECURITY_POLICY)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert "'img-src': [\"'self'\", 'data:', 'https://media.etalase.example.org']" in result.stdout, (
        result.stdout + result.stderr
    )


def test_check_deploy_finds_nothing_with_the_production_settings():
    # Not the test run's own: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="storefront.settings.production")

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout

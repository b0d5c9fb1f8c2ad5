"""Redis as the shared cache and session store: what makes app servers interchangeable."""

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_cache_round_trips_through_redis(redis_cache):
    cache.set("etalase:greeting", {"en": "Hello", "id": "Halo"}, timeout=60)

    assert cache.get("etalase:greeting") == {"en": "Hello", "id": "Halo"}
    # The value really is in Redis, where another app server would find it.
    assert any(b"etalase:greeting" in key for key in redis_cache.keys("*"))


def test_cached_db_sessions_survive_a_move_to_another_app_server(redis_cache, product, settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    first_server = Client()
    response = first_server.post("/en/samples/add/", {"product": product.pk, "quantity": 2})
    assert response.status_code in (200, 302), response.content[:500]
    session_key = first_server.cookies[settings.SESSION_COOKIE_NAME].value
    assert any(session_key.encode() in key for key in redis_cache.keys("*"))

    # A second client (another app server behind the load balancer) with the same cookie.
    second_server = Client()
    second_server.cookies[settings.SESSION_COOKIE_NAME] = session_key
    box = second_server.get("/en/samples/")

    assert box.status_code == 200
    assert product.title in box.content.decode()


def test_login_on_one_app_server_is_honoured_by_another(redis_cache, settings):
    get_user_model().objects.create_superuser("curator", "curator@example.com", "a-long-password-1")
    first_server = Client()
    assert first_server.login(request=HttpRequest(), username="curator", password="a-long-password-1")
    cookie = first_server.cookies[settings.SESSION_COOKIE_NAME].value

    second_server = Client()
    second_server.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert second_server.get("/admin/").status_code == 200
    assert Client().get("/admin/").status_code == 302  # without the cookie: the login page


def test_redis_cache_and_sessions_are_used_by_the_settings_when_redis_url_is_set(monkeypatch):
    import importlib

    import storefront.settings.base as base

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert reloaded.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/15"
        assert reloaded.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(base)


def footer_organisation(client):
    html = client.get("/en/").content.decode()
    return html.split("<footer", 1)[1].split("</strong>", 1)[0].rsplit("<strong>", 1)[1]


def test_site_settings_saved_on_one_app_server_show_on_another(redis_cache, site_tree, settings):
    """Site settings are kept in Redis, which every app server shares; saving them drops them there."""
    from home.models import SiteSettings

    settings.PAGE_CACHE = False  # the pages themselves: not the subject here
    client = Client()
    assert footer_organisation(client) == "Diskopindag Kota Malang (demo)"

    site_settings = SiteSettings.objects.get(site=site_tree["home"].get_site())  # a row of its own
    site_settings.organisation = "Dinas Perdagangan Kota Malang"
    site_settings.save()

    assert footer_organisation(client) == "Dinas Perdagangan Kota Malang"


def test_a_refused_settings_edit_leaves_the_pages_as_they_were(redis_cache, site_tree, settings):
    settings.PAGE_CACHE = False
    get_user_model().objects.create_superuser("curator", "curator@example.com", "a-long-password-1")
    visitor, editor = Client(), Client()
    assert editor.login(request=HttpRequest(), username="curator", password="a-long-password-1")
    assert footer_organisation(visitor) == "Diskopindag Kota Malang (demo)"

    site = site_tree["home"].get_site()
    response = editor.post(
        f"/admin/settings/home/sitesettings/{site.pk}/",
        {"organisation": "Not saved", "contact_email": "not an address", "address": "", "instagram_url": ""},
    )
    assert response.status_code == 200 and "Enter a valid email address" in response.content.decode()

    assert footer_organisation(visitor) == "Diskopindag Kota Malang (demo)"

"""The page cache: public pages served again from the cache, fresh after every change, never private ones."""

import io
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests import factories
from tests.catalog.test_validation import product_form

PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_MAX_AGE = 60


@pytest.fixture
def shop(site_tree):
    kabut = factories.make_vendor(site_tree["makers"], "Atelier Kabut Porselen")
    rimbun = factories.make_vendor(site_tree["makers"], "Anyam Tasik Rimbun")
    burner = factories.make_product(
        kabut,
        "Porcelain aroma burner",
        summary="Tea-light burner in white Malang porcelain",
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
    )
    basket = factories.make_product(rimbun, "Rattan picnic basket", samples_available=False)
    return {**site_tree, "kabut": kabut, "rimbun": rimbun, "burner": burner, "basket": basket}


def get_twice(url, client=None):
    client = client or Client()
    return client.get(url), client.get(url)


def html(response):
    return response.content.decode()


def csrf_token_in(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(response)).group(1)


def cache_control(response):
    return {item.strip() for item in response["Cache-Control"].split(",")}


def assert_never_cached(response):
    assert response.get("X-Cache") != "HIT"
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control or "no-cache" in cache_control


# --- Served from the cache ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["home", "products", "makers", "kabut", "basket"])
def test_second_anonymous_visit_is_a_hit_with_public_headers(shop, name):
    url = shop[name].url
    first, second = get_twice(url)
    assert (first.status_code, first["X-Cache"]) == (200, "MISS")
    assert (second.status_code, second["X-Cache"]) == (200, "HIT")
    assert second.content == first.content
    for response in (first, second):
        assert cache_control(response) == {"public", "max-age=60"}
        assert "Cookie" in response["Vary"]
        assert "csrftoken" not in response.cookies  # a page without a form sets no cookie


def test_product_page_with_sample_form_is_a_hit_kept_private_to_the_browser(shop):
    first, second = get_twice(shop["burner"].url)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert "Porcelain aroma burner" in html(second)
    # It carries the visitor's own CSRF token: no shared cache (CDN) may keep it.
    assert cache_control(second) == {"private", "max-age=60"}
    assert "Cookie" in second["Vary"]


def test_catalogue_is_cached_per_query_string(shop):
    url = shop["products"].url
    everything, everything_again = get_twice(url)
    with_samples, with_samples_again = get_twice(f"{url}?samples=1")
    assert (everything_again["X-Cache"], with_samples_again["X-Cache"]) == ("HIT", "HIT")
    assert "Rattan picnic basket" in html(everything_again)
    assert "Porcelain aroma burner" in html(with_samples_again)
    assert "Rattan picnic basket" not in html(with_samples_again)


def stored_pages(redis_cache):
    return [key for key in redis_cache.keys("*page-cache:*") if b"page-cache:generation" not in key]


def test_fifty_junk_parameters_are_one_stored_page(redis_cache, shop):
    url = shop["products"].url
    responses = [Client().get(f"{url}?utm_junk={n}&fbclid=x{n}") for n in range(50)]
    assert [response.status_code for response in responses] == [200] * 50
    assert {response["X-Cache"] for response in responses[1:]} == {"HIT"}
    assert len(stored_pages(redis_cache)) == 1
    assert Client().get(url)["X-Cache"] == "HIT"  # the page without parameters is that same page


def test_a_recognised_filter_is_a_page_of_its_own(redis_cache, shop):
    url = shop["products"].url
    get_twice(url)
    first = Client().get(f"{url}?samples=1&utm_source=newsletter")
    second = Client().get(f"{url}?utm_source=social&samples=1")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert len(stored_pages(redis_cache)) == 2
    assert "Rattan picnic basket" not in html(second)
    assert "Rattan picnic basket" in html(Client().get(url))


def test_other_pages_with_tracking_parameters_are_the_stored_page(shop):
    kabut = shop["kabut"].url
    assert Client().get(kabut)["X-Cache"] == "MISS"
    tagged = Client().get(f"{kabut}?utm_source=newsletter&gclid=123")
    assert (tagged.status_code, tagged["X-Cache"]) == (200, "HIT")


def test_junk_parameters_never_reach_a_page_served_to_others(shop):
    burner, products = shop["burner"].url, shop["products"].url
    Client().get(f"{burner}?utm_content=JUNK-MARKER")  # the add-sample form's `next` is the page's URL
    Client().get(f"{products}?samples=1&utm_content=JUNK-MARKER")
    for url in (burner, f"{products}?samples=1"):
        response = Client().get(url)
        assert response["X-Cache"] == "HIT"
        assert "JUNK-MARKER" not in html(response)


def test_a_parameter_another_page_type_recognises_is_not_a_page_of_its_own(redis_cache, shop):
    burner = shop["burner"].url
    for n in range(5):  # the catalogue's `q` means nothing to a product page
        assert Client().get(f"{burner}?q=junk{n}").status_code == 200
    assert len(stored_pages(redis_cache)) == 1
    assert Client().get(burner)["X-Cache"] == "HIT"


def test_with_the_cache_off_nothing_is_served_from_it(settings, shop):
    settings.PAGE_CACHE = False
    first, second = get_twice(shop["products"].url)
    assert "X-Cache" not in second
    assert second.status_code == 200


# --- Fresh after a change -------------------------------------------------------------------------------


def warm(*urls):
    for url in urls:
        assert get_twice(url)[1]["X-Cache"] == "HIT"


def test_renamed_product_shows_on_its_page_the_catalogue_and_its_maker(shop):
    burner = shop["burner"]
    pages = [burner.url, shop["products"].url, shop["kabut"].url]
    warm(*pages)

    burner.title = "Porcelain oil diffuser"
    factories.publish(burner)

    for url in pages:
        text = html(Client().get(url))
        assert "Porcelain oil diffuser" in text, url
        assert "Porcelain aroma burner" not in text, url


def test_unpublished_product_is_gone_from_its_page_and_the_catalogue(shop):
    burner = shop["burner"]
    warm(burner.url, shop["products"].url)

    burner.unpublish()

    assert Client().get(burner.url).status_code == 404
    assert "Porcelain aroma burner" not in html(Client().get(shop["products"].url))


def test_renamed_maker_shows_on_its_product_pages(shop):
    kabut = shop["kabut"]
    warm(shop["burner"].url)

    kabut.title = "Kabut Porcelain Studio"
    factories.publish(kabut)

    assert "Made by <a" in html(Client().get(shop["burner"].url))
    assert "Kabut Porcelain Studio" in html(Client().get(shop["burner"].url))


def test_category_renamed_shows_on_cached_product_page(shop):
    category = factories.make_category("Ceramics")
    burner = shop["burner"]
    burner.category = category
    factories.publish(burner)
    warm(burner.url)

    category.name = "Porcelain & ceramics"
    category.save()

    assert "Porcelain &amp; ceramics" in html(Client().get(burner.url))


def test_moved_page_is_not_served_from_its_old_url(shop):
    basket = shop["basket"]
    old_url = basket.url
    warm(old_url)

    basket.move(shop["kabut"], pos="last-child")

    basket.refresh_from_db()
    assert basket.url == "/en/makers/atelier-kabut-porselen/rattan-picnic-basket/"
    moved = Client().get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, basket.url)  # Wagtail's automatic redirect
    assert "Rattan picnic basket" in html(Client().get(basket.url))


def test_generation_and_pages_live_in_redis_shared_by_every_process(redis_cache, shop):
    burner = shop["burner"]
    warm(burner.url)
    assert any(b"page-cache:generation" in key for key in redis_cache.keys("*"))

    burner.title = "Porcelain oil diffuser"
    factories.publish(burner)

    assert "Porcelain oil diffuser" in html(Client().get(burner.url))


# --- Forms on cached pages ------------------------------------------------------------------------------


def test_add_sample_form_on_a_cached_page_works(shop):
    burner = shop["burner"]
    Client().get(burner.url)  # someone else's visit stores the page
    buyer = Client(enforce_csrf_checks=True)
    first, second = get_twice(burner.url, buyer)
    assert second["X-Cache"] == "HIT"

    response = buyer.post(
        "/en/samples/add/",
        {"csrfmiddlewaretoken": csrf_token_in(second), "product": burner.pk, "quantity": 2},
    )

    assert response.status_code == 302
    assert buyer.session["sample_box"] == {str(burner.pk): 2}


def test_each_visitor_gets_their_own_csrf_token(shop):
    url = shop["burner"].url
    one, two = Client(), Client()
    first, hit = one.get(url), two.get(url)
    assert hit["X-Cache"] == "HIT"
    assert csrf_token_in(first) != csrf_token_in(hit)
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value


# --- Never another visitor's page, never private pages --------------------------------------------------


def test_buyer_with_a_sample_box_sees_their_own_count(shop):
    burner = shop["burner"]
    warm(burner.url, shop["products"].url)
    buyer = Client()
    buyer.post("/en/samples/add/", {"product": burner.pk, "quantity": 2})

    for url in (burner.url, shop["products"].url):
        response = buyer.get(url)
        assert response["X-Cache"] == "BYPASS"
        assert re.search(r"data-sample-box-count>2<", html(response))
        assert_never_cached(response)

    # and their page is not what the next visitor gets
    stranger = Client().get(burner.url)
    assert stranger["X-Cache"] == "HIT"
    assert re.search(r"data-sample-box-count>0<", html(stranger))


def test_editor_is_never_served_a_cached_page_nor_leaves_the_userbar_in_one(shop):
    url = shop["kabut"].url
    warm(url)
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "pw"))

    response = editor.get(url)
    assert response["X-Cache"] == "BYPASS"
    assert "wagtail-userbar" in html(response)
    assert_never_cached(response)

    anonymous = Client().get(url)
    assert anonymous["X-Cache"] == "HIT"
    assert "wagtail-userbar" not in html(anonymous)


def test_draft_seen_by_an_editor_never_reaches_visitors(shop):
    kabut = shop["kabut"]
    warm(kabut.url)
    kabut.title = "Draft name not yet published"
    kabut.save_revision()
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "pw"))

    preview = editor.get(f"/admin/pages/{kabut.pk}/view_draft/")
    assert "Draft name not yet published" in html(preview)
    assert_never_cached(preview)

    for response in get_twice(kabut.url):
        assert "Draft name not yet published" not in html(response)


def test_drafts_and_locks_leave_the_stored_pages_as_they_are(shop):
    # Makers and editors save drafts all day: none of it changes what visitors see, so none of it
    # makes the stored pages stale.
    burner, kabut = shop["burner"], shop["kabut"]
    pages = [burner.url, shop["products"].url, kabut.url]
    warm(*pages)
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "pw"))

    new_draft = editor.post(f"/admin/pages/add/catalog/productpage/{kabut.id}/", product_form())
    assert new_draft.status_code == 302
    burner.title = "Draft name not yet published"
    burner.save_revision()  # what the editor's "Save draft" does
    assert editor.post(f"/admin/pages/{burner.id}/lock/").status_code == 302

    for url in pages:
        response = Client().get(url)
        assert response["X-Cache"] == "HIT", url
        assert "Draft name not yet published" not in html(response)
        assert "Porcelain mug set" not in html(response)  # the new product's draft

    factories.publish(burner)
    assert "Draft name not yet published" in html(Client().get(shop["products"].url))


def test_view_restricted_page_is_never_cached(shop):
    private = shop["home"].add_child(instance=StandardPage(title="Members", slug="members", intro="Secret"))
    factories.publish(private)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="open-sesame")

    for response in get_twice(private.url):
        assert_never_cached(response)
        assert "Secret" not in html(response)


def test_restriction_added_later_purges_the_public_copy(shop):
    page = shop["home"].add_child(instance=StandardPage(title="Members", slug="members", intro="Secret"))
    factories.publish(page)
    warm(page.url)

    PageViewRestriction.objects.create(page=page, restriction_type="login")

    response = Client().get(page.url)
    assert response.status_code == 302
    assert_never_cached(response)


@pytest.mark.parametrize(
    "url",
    [
        "/en/samples/",
        "/en/samples/checkout/",
        "/en/search/?q=porcelain",
        "/admin/login/",
    ],
)
def test_forms_the_sample_box_search_and_admin_are_never_cached(shop, url):
    for response in get_twice(url):
        assert_never_cached(response)


def test_inquiry_form_is_never_cached(shop):
    for response in get_twice(f"/en/inquiries/new/?product={shop['burner'].pk}"):
        assert response.status_code == 200
        assert_never_cached(response)


def test_admin_is_never_cached_for_editors(shop):
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "pw"))
    for response in get_twice("/admin/", editor):
        assert response.status_code == 200
        assert_never_cached(response)


# --- CDN ------------------------------------------------------------------------------------------------


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def test_with_a_cdn_public_pages_may_be_kept_there(settings, cdn, shop):
    settings.PAGE_CACHE_CDN_MAX_AGE = 300
    assert cache_control(Client().get(shop["products"].url)) == {"public", "max-age=60", "s-maxage=300"}
    assert "s-maxage" not in Client().get(shop["burner"].url)["Cache-Control"]  # has a CSRF token


def test_publishing_purges_the_page_its_listings_and_ancestors_from_the_cdn(
    cdn, shop, django_capture_on_commit_callbacks
):
    burner = shop["burner"]
    burner.title = "Porcelain oil diffuser"
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(burner)

    purged = set(cdn)
    for page in (burner, shop["kabut"], shop["makers"], shop["home"], shop["products"]):
        assert page.full_url in purged
    assert shop["products"].full_url.replace("/en/", "/id/") in purged  # every language's copy


def test_purge_command_makes_every_page_stale(shop):
    warm(shop["home"].url)
    call_command("purge_page_cache", stdout=io.StringIO())
    assert Client().get(shop["home"].url)["X-Cache"] == "MISS"


def test_without_a_shared_cache_another_process_s_settings_show_after_the_page_cache_time(
    site_tree, settings, monkeypatch
):
    """Local memory is one cache per process: another app server's change does not start a new
    generation here, so the copies this process keeps are loaded again after PAGE_CACHE_SECONDS."""
    from django.core.cache import cache

    from home import page_cache
    from home.models import SiteSettings
    from home.sites import SETTINGS_KEY

    settings.PAGE_CACHE = False
    client = Client()
    assert "Diskopindag Kota Malang (demo)" in client.get("/en/").content.decode()

    site = site_tree["home"].get_site()
    # Saved by another process: no signal here, and its own cache copy gone by the time we look.
    SiteSettings.objects.filter(site=site).update(organisation="Dinas Perdagangan Kota Malang")
    cache.delete(SETTINGS_KEY.format(model="home.sitesettings", site_id=site.pk))
    assert "Diskopindag Kota Malang (demo)" in client.get("/en/").content.decode()  # this process's copy

    later = page_cache.time.monotonic() + settings.PAGE_CACHE_SECONDS
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert "Dinas Perdagangan Kota Malang" in client.get("/en/").content.decode()

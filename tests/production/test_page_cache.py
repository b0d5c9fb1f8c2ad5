"""The page cache: public pages, the same for every buyer, served again from the cache and fresh after
every change; never private ones."""

import io
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from home.models import HomeFeaturedProduct, StandardPage
from storefront.translation import create_locale_copies, sync_locale_trees
from stories.models import CollectionPage, CollectionProduct, StoryIndexPage
from tests import factories
from tests.catalog.test_validation import product_form
from tests.stories.conftest import make_story

PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_MAX_AGE = 60
    settings.PAGE_CACHE_CDN_MAX_AGE = 300


@pytest.fixture(scope="module")
def shop_pages(module_db):
    """Two makers and their products, built once for the module; what a test changes rolls back."""
    _home, _products, makers = factories.site()
    kabut = factories.make_vendor(makers, "Atelier Kabut Porselen")
    rimbun = factories.make_vendor(makers, "Anyam Tasik Rimbun")
    burner = factories.make_product(
        kabut,
        "Porcelain aroma burner",
        summary="Tea-light burner in white Malang porcelain",
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
    )
    basket = factories.make_product(rimbun, "Rattan picnic basket", samples_available=False)
    return {"kabut": kabut, "rimbun": rimbun, "burner": burner, "basket": basket}


@pytest.fixture
def shop(site_tree, shop_pages):
    return {**site_tree, **{name: factories.fresh(page) for name, page in shop_pages.items()}}


def get_twice(url, client=None):
    client = client or Client()
    return client.get(url), client.get(url)


def html(response):
    return response.content.decode()


def csrf_token_in(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(response)).group(1)


def cache_control(response):
    return {item.strip() for item in response["Cache-Control"].split(",")}


PUBLIC = {"public", "max-age=60", "s-maxage=300"}


def assert_shareable(response):
    """What nginx or a CDN may keep and hand to anyone."""
    assert cache_control(response) == PUBLIC
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies, response.cookies  # no Set-Cookie


def box_with_two_samples(product):
    buyer = Client()
    added = buyer.post("/en/samples/add/", {"product": product.pk, "quantity": 2}, follow=True)
    assert "added to your sample box" in html(added)  # the message, on a page rendered for them
    assert_never_cached(added)
    return buyer


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
        assert_shareable(response)


def test_product_page_is_the_same_cached_html_for_a_buyer_with_two_samples(shop):
    burner = shop["burner"]
    anonymous = Client().get(burner.url)
    buyer = box_with_two_samples(burner)

    with_box = buyer.get(burner.url)

    assert (anonymous["X-Cache"], with_box["X-Cache"]) == ("MISS", "HIT")
    assert with_box.content == anonymous.content
    for response in (anonymous, with_box):
        assert_shareable(response)
    assert "csrfmiddlewaretoken" not in html(with_box)
    # The header's count is filled in by site.js from the buyer's own state.
    assert re.search(r'data-visitor-url="/en/samples/state/"', html(with_box))
    assert "data-sample-box-count></span>" in html(with_box)
    state = buyer.get("/en/samples/state/")
    assert state.json()["sample_box_count"] == 2
    assert_never_cached(state)
    assert Client().get("/en/samples/state/").json()["sample_box_count"] == 0


def test_catalogue_is_cached_per_query_string(shop):
    url = shop["products"].url
    everything, everything_again = get_twice(url)
    with_samples, with_samples_again = get_twice(f"{url}?samples=1")
    assert (everything_again["X-Cache"], with_samples_again["X-Cache"]) == ("HIT", "HIT")
    assert "Rattan picnic basket" in html(everything_again)
    assert "Porcelain aroma burner" in html(with_samples_again)
    assert "Rattan picnic basket" not in html(with_samples_again)


def stored_pages(redis_cache):
    kept = (b"page-cache:generation", b"page-cache:epoch", b"page-cache:path:")
    return [key for key in redis_cache.keys("*page-cache:*") if not any(part in key for part in kept)]


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


def test_renamed_section_shows_in_the_breadcrumbs_below_it(shop):
    burner = shop["burner"]
    warm(burner.url)

    makers = shop["makers"]
    makers.title = "Our makers"
    factories.publish(makers)

    assert re.search(r'<a href="/en/makers/">Our makers</a>', html(Client().get(burner.url)))


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


def test_stamps_and_pages_live_in_redis_shared_by_every_process(redis_cache, shop):
    burner = shop["burner"]
    warm(burner.url)
    assert any(b"page-cache:path:" in key for key in redis_cache.keys("*"))
    assert len(stored_pages(redis_cache)) == 1

    burner.title = "Porcelain oil diffuser"
    factories.publish(burner)

    assert "Porcelain oil diffuser" in html(Client().get(burner.url))


# --- Forms on cached pages ------------------------------------------------------------------------------


def test_add_sample_form_on_a_cached_page_posts_with_the_token_site_js_reads(shop):
    burner = shop["burner"]
    Client().get(burner.url)  # someone else's visit stores the page
    buyer = Client(enforce_csrf_checks=True)
    page = buyer.get(burner.url)
    assert page["X-Cache"] == "HIT"
    form = re.search(r'class="add-sample" method="get" action="([^"]+)" data-post-with-csrf>', html(page))
    assert form is not None

    token = buyer.get("/en/samples/state/").json()["csrf_token"]  # what site.js does
    response = buyer.post(form.group(1), {"csrfmiddlewaretoken": token, "product": burner.pk, "quantity": 2})

    assert (response.status_code, response["Location"]) == (302, burner.url)
    assert buyer.session["sample_box"] == {str(burner.pk): 2}
    assert buyer.get("/en/samples/state/").json()["sample_box_count"] == 2


def test_add_sample_form_works_without_javascript(shop):
    burner = shop["burner"]
    Client().get(burner.url)
    buyer = Client(enforce_csrf_checks=True)
    page = buyer.get(burner.url)
    assert page["X-Cache"] == "HIT"
    action = re.search(r'<form class="add-sample" method="get" action="([^"]+)"', html(page)).group(1)

    # The form as the browser sends it without JavaScript: by GET, to a page with the buyer's token.
    confirm = buyer.get(action, {"product": burner.pk, "next": burner.url, "quantity": 2})
    assert confirm.status_code == 200
    assert_never_cached(confirm)
    assert 'name="quantity" value="2"' in html(confirm)
    assert buyer.session.get("sample_box") is None  # a GET adds nothing
    data = {"product": burner.pk, "quantity": 2, "next": burner.url}
    data["csrfmiddlewaretoken"] = csrf_token_in(confirm)
    added = buyer.post(action, data, follow=True)

    assert added.redirect_chain == [(burner.url, 302)]
    assert "Porcelain aroma burner was added to your sample box." in html(added)
    assert_never_cached(added)  # the page with the buyer's message is theirs alone
    assert buyer.session["sample_box"] == {str(burner.pk): 2}
    assert buyer.get(burner.url)["X-Cache"] == "HIT"  # message shown: the shared page again


def test_inquiry_from_a_cached_page_works_without_javascript(shop, django_capture_on_commit_callbacks):
    burner = shop["burner"]
    Client().get(burner.url)
    buyer = Client(enforce_csrf_checks=True)
    page = buyer.get(burner.url)
    assert page["X-Cache"] == "HIT"
    link = re.search(r'href="(/en/inquiries/new/\?product=\d+)"', html(page)).group(1)

    form = buyer.get(link)
    assert_never_cached(form)
    data = {
        "csrfmiddlewaretoken": csrf_token_in(form),
        "name": "Hanna Vermeulen",
        "company": "Vermeulen Home Goods B.V.",
        "email": "hanna@example.com",
        "country": "NL",
        "quantity": "250",
        "unit": "pieces",
        "incoterm": "FOB",
        "destination": "Rotterdam, NL",
        "message": "We would like a quotation for 250 burners in gift boxes.",
        "website": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        sent = buyer.post(link, data, REMOTE_ADDR="203.0.113.10")

    assert sent.status_code == 302
    assert sent["Location"].startswith("/en/inquiries/thanks/")
    assert buyer.get(sent["Location"]).status_code == 200


def test_each_visitor_gets_their_own_csrf_token(shop):
    one, two = Client(), Client()
    first, second = one.get("/en/samples/state/"), two.get("/en/samples/state/")
    assert first.json()["csrf_token"] != second.json()["csrf_token"]
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value


# --- Never another visitor's page, never private pages --------------------------------------------------


def test_buyer_with_a_sample_box_is_served_the_shared_pages(shop):
    burner = shop["burner"]
    warm(burner.url, shop["products"].url)
    buyer = box_with_two_samples(burner)

    for url in (burner.url, shop["products"].url):
        response = buyer.get(url)
        assert response["X-Cache"] == "HIT"
        assert_shareable(response)
    assert buyer.get("/en/samples/state/").json()["sample_box_count"] == 2

    # the sample box itself is theirs and is never cached
    box = buyer.get("/en/samples/")
    assert_never_cached(box)
    assert "data-sample-box-count>2<" in html(box)


def sign_in(client, name="editor"):
    get_user_model().objects.create_superuser(name, f"{name}@example.com", "pw-for-tests-1")
    response = client.post("/admin/login/", {"username": name, "password": "pw-for-tests-1"})
    assert response.status_code == 302
    return client


def test_editor_is_never_served_a_cached_page_nor_leaves_the_userbar_in_one(shop):
    url = shop["kabut"].url
    warm(url)
    editor = sign_in(Client())

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


def test_max_ages_come_from_the_settings(settings, shop):
    settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_CDN_MAX_AGE = 30, 900
    assert cache_control(Client().get(shop["burner"].url)) == {"public", "max-age=30", "s-maxage=900"}


def test_purge_command_makes_every_page_stale(shop):
    warm(shop["home"].url)
    call_command("purge_page_cache", stdout=io.StringIO())
    assert Client().get(shop["home"].url)["X-Cache"] == "MISS"


# --- Targeted purging -----------------------------------------------------------------------------------

LANGUAGES = ("en", "id", "zh-hans", "ja", "ar")


@pytest.fixture
def shown(shop):
    """The burner in a collection and in a story, besides its maker's page and the catalogue."""
    story_index = factories.publish(
        shop["home"].add_child(instance=StoryIndexPage(title="Stories", slug="stories", intro="From Malang"))
    )
    sync_locale_trees()
    collection = CollectionPage(title="Gifts for hotel rooms", slug="gifts", intro="<p>Small things.</p>")
    collection.products.add(CollectionProduct(product=shop["burner"]))
    story_index.add_child(instance=collection)
    create_locale_copies(factories.publish(collection))
    story = make_story(story_index, "Kiln day", body=[("product", {"product": shop["burner"], "note": ""})])
    return {**shop, "stories": story_index, "collection": collection, "story": story}


def urls_in_every_language(shop, *paths):
    base = shop["home"].full_url.removesuffix("/en/")
    return {f"{base}/{lang}/{path}" for lang in LANGUAGES for path in paths}


def test_publishing_a_product_purges_exactly_the_pages_showing_it(
    cdn, shown, django_capture_on_commit_callbacks
):
    burner = shown["burner"]
    unrelated = [shown[name].url for name in ("basket", "rimbun", "makers")]
    unrelated.append("/id/makers/anyam-tasik-rimbun/")
    showing = [shown[name].url for name in ("burner", "kabut", "products", "collection", "story")]
    warm(*unrelated, *showing, "/en/", "/ja/products/", f"/id{burner.url.removeprefix('/en')}")
    cdn.clear()

    burner.title = "Porcelain oil diffuser"
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(burner)

    assert set(cdn) == urls_in_every_language(
        shown,
        "makers/atelier-kabut-porselen/porcelain-aroma-burner/",
        "makers/atelier-kabut-porselen/",
        "products/",
        "stories/gifts/",
        "stories/kiln-day/",
        "",  # the home page lists the newest products (it features none)
    )
    for url in unrelated:
        assert Client().get(url)["X-Cache"] == "HIT", url
    # every view after the publish shows the new text, in every language's copy too
    for url in [*showing, "/en/", "/ja/products/", f"/id{burner.url.removeprefix('/en')}"]:
        response = Client().get(url)
        assert response["X-Cache"] == "MISS", url
        assert "Porcelain oil diffuser" in html(response), url
        assert "Porcelain aroma burner" not in html(response), url


def test_home_page_is_purged_only_when_it_features_the_product(cdn, shop, django_capture_on_commit_callbacks):
    home = shop["home"]
    home.featured_products.add(HomeFeaturedProduct(product=shop["basket"]))
    factories.publish(home)
    warm("/en/", "/id/")
    cdn.clear()

    burner = shop["burner"]
    burner.title = "Porcelain oil diffuser"
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(burner)

    assert not set(cdn) & urls_in_every_language(shop, "")
    assert Client().get("/en/")["X-Cache"] == "HIT"
    assert burner.full_url in cdn

    cdn.clear()
    basket = shop["basket"]
    basket.title = "Rattan hamper"
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(basket)

    assert urls_in_every_language(shop, "") <= set(cdn)
    assert "Rattan hamper" in html(Client().get("/en/"))


def test_unpublishing_a_product_purges_its_pages_in_every_language(
    cdn, shop, django_capture_on_commit_callbacks
):
    burner = shop["burner"]
    warm(burner.url, shop["products"].url, shop["kabut"].url)
    cdn.clear()

    with django_capture_on_commit_callbacks(execute=True):
        burner.unpublish()

    gone = urls_in_every_language(shop, "makers/atelier-kabut-porselen/porcelain-aroma-burner/", "products/")
    assert gone <= set(cdn)
    assert Client().get(burner.url).status_code == 404
    assert "Porcelain aroma burner" not in html(Client().get(shop["kabut"].url))

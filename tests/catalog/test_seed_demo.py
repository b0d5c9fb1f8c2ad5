"""The demo catalogue and stories: what `seed_demo` builds, that a second run changes nothing."""

import re
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.http import HttpRequest
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Revision
from wagtail_localize.models import StringTranslation

from catalog.demo.languages import strings_for
from catalog.models import Category, CertificationType, District, ProductPage, VendorPage
from catalog.validators import validate_hs_code, validate_nib
from home.models import HomePage
from stories import demo as demo_stories
from stories.models import CollectionPage, EventPage, StoryPage
from tests import s3

# The mark also tells pytest-django to create the test database before the module fixture runs.
pytestmark = pytest.mark.django_db

ADMIN_PASSWORD = "demo-test-password"
# What seed_demo makes, counted in each locale: a second run must not change a count.
COUNTED = (VendorPage, ProductPage, Category, CertificationType, StoryPage, CollectionPage, EventPage)


def _counts():
    counts = {
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "revisions": Revision.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }
    for locale in Locale.objects.all():
        code = locale.language_code
        for model in COUNTED:
            counts[f"{model.__name__}/{code}"] = model.objects.filter(locale=locale).count()
        for model in (VendorPage, ProductPage):
            counts[f"{model.__name__}/{code}/translated"] = model.objects.filter(
                locale=locale, alias_of__isnull=True
            ).count()
    return counts


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory, s3_endpoint):
    """Seed twice, once for the whole module, inside a transaction rolled back at the end.

    Media go to a bucket on moto's S3 server, as in production, and MEDIA_ROOT stays empty.
    Seeding takes most of a minute, so the tests below share one catalogue; they only read it.
    """
    media = tmp_path_factory.mktemp("media")
    client = s3.client_for(s3_endpoint)
    bucket = s3.new_bucket(client)
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, STORAGES=s3.s3_storages(s3_endpoint, bucket)),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)
        with transaction.atomic():
            first_output, second_output = StringIO(), StringIO()
            call_command("seed_demo", stdout=first_output)
            first = _counts()
            images = sorted(get_image_model().objects.values_list("file", flat=True))
            call_command("seed_demo", stdout=second_output)
            second = _counts()
            yield {
                "first": first,
                "second": second,
                "output": first_output.getvalue(),
                "second_output": second_output.getvalue(),
                "images": images,
                "bucket": s3.bucket_keys(client, bucket),
                "local_files": [path for path in media.rglob("*") if path.is_file()],
            }
            transaction.set_rollback(True)
        # Wagtail caches site root paths; they point at pages that no longer exist.
        for cache in caches.all():
            cache.clear()


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def test_second_run_changes_nothing(seeded):
    assert seeded["first"] == seeded["second"]
    assert seeded["first"]["VendorPage/en"] >= 12
    assert seeded["first"]["ProductPage/en"] >= 40
    # Every locale has a copy of every page: a translation or an alias.
    for code in ("id", "zh-hans", "ja", "ar"):
        assert seeded["first"][f"ProductPage/{code}"] == seeded["first"]["ProductPage/en"]
        assert seeded["first"][f"VendorPage/{code}"] == seeded["first"]["VendorPage/en"]
        # ... and in all five languages a real translation.
        assert seeded["first"][f"ProductPage/{code}/translated"] == seeded["first"]["ProductPage/en"]
        assert seeded["first"][f"VendorPage/{code}/translated"] == seeded["first"]["VendorPage/en"]
        for model in (Category, StoryPage, CollectionPage, EventPage):
            name = model.__name__
            assert seeded["first"][f"{name}/{code}"] == seeded["first"][f"{name}/en"], (name, code)
        assert seeded["first"][f"CertificationType/{code}"] == seeded["first"]["CertificationType/en"] == 6


def test_demo_images_are_stored_in_the_bucket_and_not_on_local_disk(seeded):
    assert seeded["images"], "seed_demo made no images"
    originals = [key for key in seeded["bucket"] if key.startswith("original_images/")]
    assert sorted(originals) == seeded["images"]
    assert seeded["local_files"] == []


def test_demo_stories_collections_and_events_are_in_both_languages_and_link_the_catalogue(
    seeded, english, client
):
    stories = StoryPage.objects.filter(locale=english)
    assert stories.count() == 4
    assert {story.topic for story in stories} == {"packaging", "branding", "photography", "export"}
    used = {block.block_type for story in stories for block in story.body}
    assert used == {
        "text",
        "image",
        "gallery",
        "quote",
        "before_after",
        "palette",
        "product",
        "maker",
        "credits",
    }
    assert StoryPage.objects.filter(locale__language_code="id", alias_of__isnull=True).count() == 4
    assert CollectionPage.objects.filter(locale=english).count() == 2
    assert EventPage.objects.filter(locale=english).count() >= 3

    assert "Kemasan cetak untuk keripik tempe Sanan" in client.get("/id/stories/").content.decode()
    burner = ProductPage.objects.get(slug="dinoyo-porcelain-aroma-burner", locale=english)
    story = stories.get(slug="lotus-blue-a-brand-for-dinoyo-porcelain")
    assert f'href="{burner.url}"' in client.get(story.url).content.decode()
    assert "Lotus blue" in client.get(burner.url).content.decode()  # "Featured in"
    assert "Meet us at" in client.get(burner.get_parent().url).content.decode()
    assert "Trade Expo Indonesia" in client.get("/en/events/").content.decode()
    home = client.get("/id/").content.decode()
    assert "Malang City Expo" in home and "Hadiah untuk kamar hotel" in home


def test_home_page_features_the_first_demo_stories_and_the_collections(seeded, english):
    home = HomePage.objects.get(locale=english)
    featured = {row.story.slug for row in home.featured_stories.select_related("story")}
    assert featured == {spec["slug"] for spec in demo_stories.STORIES[:3]}
    collections = {row.collection.slug for row in home.featured_collections.select_related("collection")}
    assert collections == {spec["slug"] for spec in demo_stories.COLLECTIONS}
    assert home.live and not home.has_unpublished_changes


def test_output_gives_admin_login_and_counts(seeded, client):
    line = "Admin: http://127.0.0.1:8000/admin/  user: admin  password: " + ADMIN_PASSWORD
    assert line in seeded["output"]
    assert line in seeded["second_output"]
    assert re.search(r"id\s+vendors:\s+\d+", seeded["output"])
    assert client.login(request=HttpRequest(), username="admin", password=ADMIN_PASSWORD)
    assert get_user_model().objects.get(username="admin").is_superuser


def test_makers_cover_every_district_and_several_sectors(seeded, english):
    vendors = list(VendorPage.objects.filter(locale=english).select_related("logo", "cover_image"))
    assert len(vendors) >= 12
    assert {v.district for v in vendors} == set(District.values)
    assert len({v.sector for v in vendors}) >= 4
    for vendor in vendors:
        assert vendor.is_demo and vendor.live
        validate_nib(vendor.nib)
        assert vendor.contact_email.endswith("@example.com")
        assert vendor.story and vendor.tagline and vendor.export_markets
        assert vendor.certifications.exists() and vendor.trademarks.exists()
        assert vendor.image_collection.name == vendor.title
        # Fake numbers, yet each in its kind's format: the checks makers' numbers go through.
        for certificate in vendor.certifications.all():
            assert certificate.certification_type.kind != "other"
            certificate.full_clean()
        for trademark in vendor.trademarks.all():
            trademark.full_clean()
        for product in ProductPage.objects.child_of(vendor).prefetch_related("certifications"):
            for certificate in product.certifications.all():
                certificate.full_clean()
        assert (vendor.cover_image.width, vendor.cover_image.height) == (1600, 900)
        assert (vendor.logo.width, vendor.logo.height) == (400, 400)
        assert default_storage.exists(vendor.cover_image.file.name)


def test_products_carry_export_facts_and_photos(seeded, english):
    products = ProductPage.objects.filter(locale=english).prefetch_related(
        "price_tiers", "gallery_images__image"
    )
    with_samples = 0
    for product in products:
        validate_hs_code(product.hs_code)
        tiers = list(product.price_tiers.all())
        assert 2 <= len(tiers) <= 3
        assert [t.min_quantity for t in tiers] == sorted({t.min_quantity for t in tiers})
        assert [t.unit_price for t in tiers] == sorted((t.unit_price for t in tiers), reverse=True)
        assert tiers[0].min_quantity == product.moq and product.price_from == tiers[-1].unit_price
        assert product.category and product.description.startswith("<p>") and product.packaging_details
        photos = list(product.gallery_images.all())
        assert 1 <= len(photos) <= 2
        for photo in photos:
            assert photo.alt_text
            assert photo.image.collection_id == product.vendor.image_collection_id
            assert (photo.image.width, photo.image.height) == (1200, 900)
        if product.category.sector == "processed-food":
            assert product.shelf_life_months
        with_samples += product.samples_available
    assert 0 < with_samples < len(products)


def test_every_product_is_really_translated_into_indonesian(seeded, english, client):
    indonesian = Locale.objects.get(language_code="id")
    for product in ProductPage.objects.filter(locale=english):
        translated = product.get_translation(indonesian)
        assert translated.alias_of_id is None
        assert translated.live
        assert translated.title != product.title
        assert translated.summary != product.summary
    product = ProductPage.objects.get(locale=indonesian, slug="sanan-tempe-chips-original-seaweed")
    html = client.get(product.url).content.decode()
    assert "Keripik tempe Sanan, original dan rumput laut" in html
    assert "Dibuat dari kedelai non-GMO" in html


def test_catalogue_lists_every_english_product_across_its_pages(seeded, english, client):
    expected = {p.url for p in ProductPage.objects.filter(locale=english)}
    first = client.get("/en/products/")
    assert first.status_code == 200
    assert f"{len(expected)} products" in first.content.decode()
    seen, page_number = set(), 1
    link = re.compile(r'href="(/en/makers/[^/"]+/[^/"]+/)"')
    while True:
        html = client.get(f"/en/products/?page={page_number}").content.decode()
        found = set(link.findall(html))
        if not found - seen:
            break
        seen |= found
        page_number += 1
    assert page_number > 2, "the catalogue should need more than one page"
    assert seen == expected


def test_demo_maker_page_is_labelled_in_each_language(seeded, client):
    english_page = client.get("/en/makers/atelier-kabut-porselen/")
    assert english_page.status_code == 200
    assert "Demo vendor" in english_page.content.decode()
    assert "Hand-painted porcelain from the Dinoyo kilns" in english_page.content.decode()
    indonesian_page = client.get("/id/makers/atelier-kabut-porselen/")
    assert indonesian_page.status_code == 200
    assert "Porselen lukis tangan dari tungku Dinoyo" in indonesian_page.content.decode()


@pytest.mark.parametrize("code", ["zh-hans", "ja", "ar"])
def test_every_product_and_maker_reads_in_chinese_japanese_and_arabic(seeded, english, client, code):
    strings = strings_for(code)
    assert strings, f"catalog/demo/translations has no file for {code}"
    locale = Locale.objects.get(language_code=code)
    pages = [
        (page, ("title", "summary" if isinstance(page, ProductPage) else "tagline"))
        for model in (ProductPage, VendorPage)
        for page in model.objects.filter(locale=english)
    ]
    for page, fields in pages:
        translated = page.get_translation(locale).specific
        assert translated.alias_of_id is None and translated.live, translated.url
        for field in fields:
            source = getattr(page, field)
            if source in strings:
                assert getattr(translated, field) == strings[source], (translated.url, field)
        # The language file translates at least the summary or tagline of each.
        assert any(getattr(translated, field) != getattr(page, field) for field in fields), translated.url

    hero = strings["Export-ready makers of Malang, East Java"]
    home = HomePage.objects.get(locale=locale)
    assert home.alias_of_id is None and home.hero_title == hero
    assert hero in client.get(f"/{code}/").content.decode()
    product = ProductPage.objects.get(locale=locale, slug="sanan-tempe-chips-original-seaweed")
    html = client.get(product.url).content.decode()
    assert f'<html lang="{code}"' in html and "notice--untranslated" not in html
    assert strings[ProductPage.objects.get(locale=english, slug=product.slug).summary] in html

"""Product cards, and a product page's photos, are read as rows (catalog.cards): what a buyer
sees of them is what Wagtail would show."""

import re

from django.contrib.auth import get_user_model
from django.template import engines

from wagtail.images.models import Filter
from wagtail.images.rect import Rect

from catalog.models import ProductGalleryImage
from catalog.renditions import (
    GALLERY_THUMBNAIL,
    PRODUCT_CARD,
    PRODUCT_CARD_SPECS,
    PRODUCT_GALLERY,
    SOCIAL_IMAGE_SPEC,
)
from tests import factories
from tests.test_renditions import make_photo

CARD_SIZES = "(min-width: 75rem) 18rem, (min-width: 40rem) 45vw, 92vw"


def card_pictures(client, url="/en/products/"):
    html = client.get(url).content.decode()
    return re.findall(r'<article class="card product-card".*?</article>', html, re.S)


def add_photo(product, alt_text="A white porcelain burner"):
    photo = make_photo()
    product.gallery_images.add(ProductGalleryImage(image=photo, alt_text=alt_text))
    product.save_revision().publish()
    return photo


def wagtail_picture_tag(image, spec, **attrs):
    """The <picture> that Wagtail's own `{% picture %}` tag writes of `image` with these attributes."""
    filters = spec.replace("|", " ")
    arguments = " ".join(f"{name}={name}" for name in attrs)
    tag = f"{{% load wagtailimages_tags %}}{{% picture image {filters} {arguments} %}}"
    return engines["django"].from_string(tag).render({"image": image, **attrs})


def wagtails_picture(photo, alt_text):
    """The card's <picture> as Wagtail's `{% picture %}` tag writes it."""
    return wagtail_picture_tag(
        photo, PRODUCT_CARD, sizes=CARD_SIZES, loading="lazy", decoding="async", alt=alt_text
    )


def test_a_card_shows_the_picture_wagtail_makes_of_the_first_photo(client, product):
    photo = add_photo(product)
    second = make_photo()
    product.gallery_images.add(ProductGalleryImage(image=second, alt_text="Its box"))
    product.save_revision().publish()

    [card] = card_pictures(client)
    assert wagtails_picture(photo, "A white porcelain burner") in card
    assert f'href="{product.url}"' in card
    assert "Atelier Kabut Porselen" in card and "Hand-painted porcelain aroma burner" in card


def test_a_card_makes_the_renditions_nobody_made_yet(client, settings, product):
    settings.RENDITIONS_ON_PUBLISH = False
    photo = add_photo(product)
    assert photo.renditions.count() == 0

    [card] = card_pictures(client)
    assert sorted(photo.renditions.values_list("filter_spec", flat=True)) == sorted(PRODUCT_CARD_SPECS)
    assert wagtails_picture(photo, "A white porcelain burner") in card


def test_a_card_follows_a_moved_focal_point(client, product):
    photo = add_photo(product)
    before = card_pictures(client)[0]
    photo.set_focal_point(Rect(1100, 200, 1300, 400))
    photo.save()
    photo.refresh_from_db()

    after = card_pictures(client)[0]
    new_key = Filter(PRODUCT_CARD_SPECS[0]).get_cache_key(photo)
    assert new_key and new_key in after and new_key not in before
    assert wagtails_picture(photo, "A white porcelain burner") in after


def test_cards_on_every_listing_link_to_the_product_in_the_listings_language(client, site_tree, product):
    add_photo(product)
    translated = factories.translate_page(
        product, "id", {"Hand-painted porcelain aroma burner": "Tungku aroma porselen lukis tangan"}
    )
    for url in ("/en/products/", product.get_parent().url, "/en/"):
        [card] = card_pictures(client, url)
        assert f'href="{product.url}"' in card, url
    [card] = card_pictures(client, "/id/products/")
    assert translated.url.startswith("/id/makers/") and f'href="{translated.url}"' in card
    assert "Tungku aroma porselen lukis tangan" in card and "<picture>" in card


def test_card_links_are_the_urls_wagtail_gives_the_pages(client, site_tree, vendor):
    products = [
        factories.make_product(vendor, "Kopi Dampit", slug="kopi-dampit-ü-玛琅"),
        factories.make_product(vendor, "Keripik tempe", slug="keripik_tempe-500"),
    ]
    cards = "".join(card_pictures(client))
    for product in products:
        assert product.url.startswith("/en/makers/") and f'href="{product.url}"' in cards
    assert "%C3%BC-%E7%8E%9B%E7%90%85/" in products[0].url


def test_a_product_page_shows_its_photos_as_wagtail_makes_them_in_the_editors_order(client, product):
    first, second = make_photo(), make_photo()
    # Added last but put first by the editor.
    product.gallery_images.add(ProductGalleryImage(image=second, alt_text="The lotus painting", sort_order=1))
    product.gallery_images.add(
        ProductGalleryImage(image=first, alt_text="The burner lit", caption="Lit", sort_order=0)
    )
    product.save_revision().publish()
    html = client.get(product.url).content.decode()

    sizes = "(min-width: 64rem) 38rem, 94vw"
    hero = {"sizes": sizes, "fetchpriority": "high", "alt": "The burner lit"}  # seen first: not lazy
    below = {"sizes": sizes, "loading": "lazy", "decoding": "async", "alt": "The lotus painting"}
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert pictures[:2] == [
        wagtail_picture_tag(first, PRODUCT_GALLERY, **hero),
        wagtail_picture_tag(second, PRODUCT_GALLERY, **below),
    ]
    assert "<figcaption>Lit</figcaption>" in html
    for photo in (first, second):  # the thumbnails under the gallery
        assert photo.get_rendition(GALLERY_THUMBNAIL).url in html
    social = first.get_rendition(SOCIAL_IMAGE_SPEC).url
    assert f'<meta property="og:image" content="http://testserver{social}">' in html


def test_a_drafts_preview_shows_photos_not_published_yet(client, product):
    add_photo(product, alt_text="The published photo")
    product.gallery_images.add(ProductGalleryImage(image=make_photo(), alt_text="A photo still in draft"))
    product.save_revision()
    user = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw")
    client.force_login(user)

    draft = client.get(f"/admin/pages/{product.pk}/view_draft/").content.decode()
    assert "The published photo" in draft and "A photo still in draft" in draft
    live = client.get(product.url).content.decode()
    assert "The published photo" in live and "A photo still in draft" not in live

"""Making image renditions when a page is published, so a buyer's first view never waits for them.

The specs mirror the `{% picture %}` / `{% image %}` tags of the catalogue and home templates;
when a template's sizes change, change them here too (tests/test_renditions.py checks that a
published product's page needs no new rendition).
"""

from django_tasks import task

from django.conf import settings

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.images.models import Filter

PRODUCT_CARD = "fill-{360x270,720x540}|format-{avif,webp,jpeg}"
WIDE_CARD = "fill-{480x270,720x405}|format-{avif,webp,jpeg}"  # makers', stories' and collections' cards
CARD_LOGO = "fill-96x96|format-webp"
PRODUCT_GALLERY = "fill-{480x360,800x600,1200x900}|format-{avif,webp,jpeg}"
GALLERY_THUMBNAIL = "fill-144x108|format-webp"
PRODUCT_PHOTO_SPECS = [PRODUCT_CARD, PRODUCT_GALLERY, GALLERY_THUMBNAIL]
MAKER_HERO = "fill-{800x360,1280x480,1920x720}|format-{avif,webp,jpeg}"
VENDOR_COVER_SPECS = [WIDE_CARD, MAKER_HERO]
LOGO_SPEC = "max-400x400"  # the logo in the maker's JSON-LD
VENDOR_LOGO_SPECS = [CARD_LOGO, "fill-160x160|format-webp", LOGO_SPEC]
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"  # og:image and twitter:image
HOME_HERO_SPECS = ["width-{640,960,1280}|format-{avif,webp,jpeg}"]


def expand(patterns):
    specs = []
    for pattern in patterns:
        specs.extend(Filter().expand_spec(pattern))
    return specs


# What each listing shows, expanded once: listings prefetch just these renditions of their
# pictures (an image has renditions for every place it appears; reading them all is slow).
PRODUCT_CARD_SPECS = expand([PRODUCT_CARD])  # read with the cards themselves (catalog.cards)
CARD_SPECS = expand([WIDE_CARD, CARD_LOGO])  # makers', stories' and collections' cards
PRODUCT_PAGE_SPECS = expand([PRODUCT_GALLERY, GALLERY_THUMBNAIL, SOCIAL_IMAGE_SPEC])
HOME_PAGE_SPECS = [*CARD_SPECS, *expand([*HOME_HERO_SPECS, SOCIAL_IMAGE_SPEC])]


def specs_for_page(page):
    """{image_id: [filter specs]} for the images this page shows at the top of its own page and in cards.

    Apps above the catalogue add their pages' images through the `renditions_on_publish` hook:
    a function of the page returning {image_id: [filter spec patterns]}.
    """
    from catalog.models import ProductPage, VendorPage

    wanted = {}

    def want(image_id, patterns):
        if image_id:
            wanted.setdefault(image_id, []).extend(expand(patterns))

    if isinstance(page, ProductPage):
        for image_id in page.gallery_images.values_list("image_id", flat=True):
            want(image_id, PRODUCT_PHOTO_SPECS)
        first = page.gallery_images.values_list("image_id", flat=True).first()
        want(first, [SOCIAL_IMAGE_SPEC])
    elif isinstance(page, VendorPage):
        want(page.cover_image_id, [*VENDOR_COVER_SPECS, SOCIAL_IMAGE_SPEC])
        want(page.logo_id, VENDOR_LOGO_SPECS)
    for hook in hooks.get_hooks("renditions_on_publish"):
        for image_id, patterns in hook(page).items():
            want(image_id, patterns)
    return wanted


@task()
def make_renditions(wanted):
    """Create the missing renditions; `wanted` maps image ids (as JSON keys) to filter specs."""
    images = get_image_model().objects.in_bulk([int(image_id) for image_id in wanted])
    for image_id, specs in wanted.items():
        image = images.get(int(image_id))
        if image is not None:
            image.get_renditions(*specs)


def on_page_published(sender, instance, **kwargs):
    if not getattr(settings, "RENDITIONS_ON_PUBLISH", False):
        return
    wanted = specs_for_page(instance.specific)
    if wanted:
        make_renditions.enqueue({str(image_id): specs for image_id, specs in wanted.items()})

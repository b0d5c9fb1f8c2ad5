"""Product cards read as rows: what every listing shows of a product, without building the page.

The catalogue, a maker's page, the home page, collections, stories' product blocks and search all
show the same card (`catalog/includes/product_card.html`): title, maker, price, MOQ, badges and the
first photo in three formats and two sizes. Built as pages, 24 cards were about 300 model instances
(each product with its maker and locales, its photos, their images and six renditions each): 7 ms
of a 25 ms catalogue page on the demo, most of it Django making instances, not the database.

Here the same columns are read as rows, in three queries whatever the number of cards: the products
with their makers' columns, their photos with their images' focal points, and those images' card
renditions. The card template reads a `ProductCard` as it read the page (`product.title`,
`product.url`, `product.vendor.title`, `{% picture product.main_photo.image … %}`), and
`{% picture %}` finds the renditions on the `CardImage` as it finds Wagtail's prefetched ones.

    product_cards(listed_products(locale).order_by("title")[:24], request)
    product_cards_for([12, 7, 31], request)  # ids chosen already: a page of the catalogue, search hits

A product's own page reads its gallery the same way (`product_photos`): the photos with their
images' focal points, then the renditions its page shows, in two queries.
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from storefront.pages import choice_label
from storefront.renditions import image_filter

from .models import ProductGalleryImage, ProductPage
from .renditions import PRODUCT_CARD_SPECS

CARD_COLUMNS = (
    *("id", "title", "url_path", "translation_key"),
    *("price_from", "moq", "unit", "samples_available", "alias_of"),
    *("locale__language_code", "alias_of__locale__language_code"),
    *("vendor", "vendor__title", "vendor__is_demo"),
)
FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
PHOTO_COLUMNS = (
    *("product_id", "alt_text", "image_id", "image__title", "image__description"),
    *(f"image__{name}" for name in FOCAL_POINT_FIELDS),
)
RENDITION_COLUMNS = ("image_id", "filter_spec", "focal_point_key", "file", "width", "height")


@dataclass(slots=True)
class CardRendition:
    """What `storefront.renditions.picture_html` reads of a rendition: its URL, size and alt text."""

    file: str  # the name in the renditions' storage
    width: int
    height: int
    alt: str
    storage: object = field(repr=False)

    @property
    def url(self):
        return self.storage.url(self.file)


class CardImage:
    """An image as a card's `{% picture %}` uses it, with the renditions read for the card.

    `Filter.get_cache_key()` reads the focal point from here, as from an image, to tell a rendition
    made for the current focal point from a stale one. A rendition the card needs that nobody has
    made (they are made when a page is published, so it is rare) is made by the image itself, as on
    a first view in Wagtail.
    """

    def __init__(self, pk, title, description, focal_point):
        self.pk = self.id = pk
        self.title = title
        self.description = description
        self.focal_point_x, self.focal_point_y, self.focal_point_width, self.focal_point_height = focal_point
        self.renditions = {}  # {(filter_spec, focal_point_key): CardRendition}, filled by _add_renditions

    @property
    def default_alt_text(self):
        return self.description or self.title  # Wagtail's AbstractImage.default_alt_text

    def get_rendition(self, spec):
        spec = spec if isinstance(spec, Filter) else image_filter(spec)
        return self.get_renditions(spec)[spec.spec]

    def get_renditions(self, *filters):
        filters = [spec if isinstance(spec, Filter) else image_filter(spec) for spec in filters]
        found = {}
        for spec in filters:
            rendition = self.renditions.get((spec.spec, spec.get_cache_key(self)))
            if rendition is not None:
                found[spec.spec] = rendition
        missing = [spec for spec in filters if spec.spec not in found]
        if missing:
            found.update(get_renditions_or_not_found(self._image, missing))
        return {spec.spec: found[spec.spec] for spec in filters}

    @cached_property
    def _image(self):
        return get_image_model().objects.get(pk=self.pk)


@dataclass(slots=True)
class CardPhoto:
    image: CardImage
    alt_text: str
    caption: str = ""


@dataclass(slots=True)
class CardMaker:
    title: str
    is_demo: bool


@dataclass(slots=True)
class ProductCard:
    id: int
    title: str
    url: str
    translation_key: object  # chosen lists (home, collections) match their choices by it
    price_from: int | None  # minor units
    moq: int
    unit: str
    samples_available: bool
    language_code: str  # the locale it is listed in
    content_language: str  # the language its text is written in
    vendor: CardMaker | None
    main_photo: CardPhoto | None = None

    @property
    def is_untranslated(self):
        return self.content_language != self.language_code

    def get_unit_display(self):
        return choice_label(ProductPage._meta.get_field("unit"), self.unit)


def product_cards(products, request=None):
    """The cards of `products` (a queryset of ProductPage, filtered, ordered and sliced as the
    listing wants), in its order, in three queries. `request` lets the URLs be made relative to
    the site it is for, as `{% pageurl %}` does."""
    return _cards(products.prefetch_related(None).values(*CARD_COLUMNS), request)


def product_cards_for(ids, request=None):
    """The cards of the products with these ids, in this order: for ids a listing has chosen
    already (a page of the catalogue, ranked search hits), read without its filters and joins."""
    rows = ProductPage.objects.filter(pk__in=ids).order_by().values(*CARD_COLUMNS)  # in Python, below
    rows = {row["id"]: row for row in rows}
    return _cards([rows[pk] for pk in ids if pk in rows], request)


def _cards(rows, request):
    # An alias (wagtail-localize's copy of a page nobody has translated) shows its source's text.
    cards = [
        ProductCard(
            id=row["id"],
            title=row["title"],
            url=Page(url_path=row["url_path"]).get_url(request),  # Wagtail's URL for the page's path
            translation_key=row["translation_key"],
            price_from=row["price_from"],
            moq=row["moq"],
            unit=row["unit"],
            samples_available=row["samples_available"],
            language_code=row["locale__language_code"],
            content_language=row["alias_of__locale__language_code"] or row["locale__language_code"],
            vendor=CardMaker(row["vendor__title"], row["vendor__is_demo"]) if row["vendor"] else None,
        )
        for row in rows
    ]
    _add_photos(cards)
    return cards


def _add_photos(cards):
    """Each card's first photo, with the renditions the card template shows of it."""
    if not cards:
        return
    first_photos = {}
    photos = ProductGalleryImage.objects.filter(product_id__in=[card.id for card in cards])
    for row in photos.order_by("product_id", "sort_order", "pk").values(*PHOTO_COLUMNS):
        first_photos.setdefault(row["product_id"], row)
    images = _images(first_photos.values())
    _add_renditions(images, PRODUCT_CARD_SPECS)
    for card in cards:
        if (row := first_photos.get(card.id)) is not None:
            card.main_photo = CardPhoto(images[row["image_id"]], row["alt_text"])


def product_photos(product_id, specs):
    """A product's gallery, in its editor's order, as `CardPhoto`s whose images have the renditions
    made with `specs` (the ones its page shows): two queries, and no model instances."""
    rows = ProductGalleryImage.objects.filter(product_id=product_id).order_by("sort_order", "pk")
    rows = list(rows.values(*PHOTO_COLUMNS, "caption"))
    images = _images(rows)
    _add_renditions(images, specs)
    return [CardPhoto(images[row["image_id"]], row["alt_text"], row["caption"]) for row in rows]


def _images(photo_rows):
    """{image id: CardImage} for photos read with PHOTO_COLUMNS: one per image, as photos may share one."""
    images = {}
    for row in photo_rows:
        if row["image_id"] not in images:
            focal_point = [row[f"image__{name}"] for name in FOCAL_POINT_FIELDS]
            images[row["image_id"]] = CardImage(
                row["image_id"], row["image__title"], row["image__description"], focal_point
            )
    return images


def _add_renditions(images, specs):
    """The renditions made with `specs`, for each of `images` ({id: CardImage})."""
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    storage = rendition_model._meta.get_field("file").storage
    rows = rendition_model.objects.filter(image_id__in=list(images), filter_spec__in=specs)
    for image_id, spec, focal_point_key, file, width, height in rows.values_list(*RENDITION_COLUMNS):
        image = images[image_id]
        image.renditions[spec, focal_point_key] = CardRendition(
            file, width, height, alt=image.default_alt_text, storage=storage
        )

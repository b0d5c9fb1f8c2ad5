"""`manage.py seed_demo`: the fictional demo catalogue, in five languages, safe to run again.

Every page, snippet, image and collection is looked up by a stable key (slug under its parent,
title in its collection) before it is made, so a second run finds everything and changes nothing.
Images are drawn with Pillow and written through default_storage, so media on S3 works too.
"""

import os
import secrets
import time
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from catalog.demo import data, images
from catalog.demo.languages import translate_demo
from catalog.importer import deferred_indexing, reindex
from catalog.models import (
    Category,
    CertificationType,
    ProductCertification,
    ProductGalleryImage,
    ProductIndexPage,
    ProductPage,
    ProductPriceTier,
    VendorCertification,
    VendorIndexPage,
    VendorPage,
    VendorTrademark,
)
from catalog.review import ensure_review_setup
from home.models import (
    HomeFeaturedCollection,
    HomeFeaturedMaker,
    HomeFeaturedProduct,
    HomeFeaturedStory,
    HomePage,
    StandardPage,
)
from home.setup import ensure_home_page
from storefront.page_cache import purges_deferred
from storefront.translation import ensure_locales, sync_locale_trees
from stories import demo as demo_stories
from stories.models import CollectionPage, StoryPage

ADMIN_USERNAME = "admin"
PASSWORD_FILE = ("var", "demo-admin-password.txt")
# Validity dates for the fake documents: far enough ahead that the demo does not expire soon.
VALID_UNTIL = {"p-irt": "2029-12-31", "sni": "2028-06-30", "djki-trademark": "2034-12-31"}
# Artisans this small sell from the workshop door; the others deliver to the port of Surabaya.
EXW_BELOW_TEAM_SIZE = 8


def _html(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rich(paragraphs):
    return "".join(f"<p>{_html(english)}</p>" for english, _indonesian in paragraphs)


def _pairs(strings, english, translated):
    """Record english → translated, also under the HTML-escaped key a rich-text segment carries."""
    strings[english] = translated
    strings[_html(english)] = translated


def _document_number(slug, index, vendor):
    """Visibly fake numbers (runs of zeros), never a real firm's, as DOMAIN.md asks, yet in each
    kind's format (catalog.certificates) so that the demo passes the checks makers' numbers do."""
    return {
        "nib": vendor["nib"],
        "p-irt": f"P-IRT No. 2100000000{index:03d}-29",
        "halal": f"ID3500000000{index:04d}",
        "bpom-md": f"BPOM RI MD 00000000{index:04d}",
        "sni": f"DEMO-SNI-{index:04d}",
        "djki-trademark": f"IDM000000{index:03d}",
    }[slug]


class Command(BaseCommand):
    help = "Create the fictional demo catalogue (makers, products, images, translations) and an admin user."

    def handle(self, *args, **options):
        started = time.monotonic()
        # One transaction: a half-seeded catalogue never shows, and SQLite commits (syncs to disk)
        # once instead of after each of the thousands of rows.
        # A page is saved several times while it is made, published and translated into four
        # languages, and each save would update its search and reference index entries and purge
        # the stored pages showing it; each object is indexed once at the end instead, and the
        # page cache purged once.
        with purges_deferred(), deferred_indexing() as saved:
            with transaction.atomic():
                password = self._seed()
            # Groups and the "Curator review" workflow, so the demo admin works as a real one.
            ensure_review_setup()
            # The other apps (stories, inquiries, orders, reports) add their demo data through the
            # "seed_demo" hook.
            for add_demo_data in hooks.get_hooks("seed_demo"):
                add_demo_data(self.stdout)
            self._feature_stories()
            with transaction.atomic():
                reindex(saved)
        self.stdout.write(self.style.SUCCESS(f"Demo catalogue ready in {time.monotonic() - started:.1f} s."))
        for locale in Locale.objects.order_by("id"):
            translated_vendors = VendorPage.objects.filter(locale=locale, alias_of__isnull=True).count()
            translated_products = ProductPage.objects.filter(locale=locale, alias_of__isnull=True).count()
            self.stdout.write(
                f"  {locale.language_code:8} vendors: {VendorPage.objects.filter(locale=locale).count():3} "
                f"({translated_vendors} translated)  products: "
                f"{ProductPage.objects.filter(locale=locale).count():3} ({translated_products} translated)"
            )
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user: {ADMIN_USERNAME}  password: {password}"
        )

    @transaction.atomic
    def _feature_stories(self):
        """The first three demo stories and the demo collections on the home page, unless editors
        have chosen some already."""
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None or home.featured_stories.exists() or home.featured_collections.exists():
            return
        stories = self._by_slug(StoryPage, home.locale, demo_stories.STORIES[:3])
        collections = self._by_slug(CollectionPage, home.locale, demo_stories.COLLECTIONS)
        if not stories and not collections:
            return
        for story in stories:
            home.featured_stories.add(HomeFeaturedStory(story=story))
        for collection in collections:
            home.featured_collections.add(HomeFeaturedCollection(collection=collection))
        home.save_revision().publish()

    @staticmethod
    def _by_slug(model, locale, specs):
        """The demo pages of `specs` (each with a "slug"), in their order."""
        slugs = [spec["slug"] for spec in specs]
        pages = {page.slug: page for page in model.objects.filter(locale=locale, slug__in=slugs)}
        return [pages[slug] for slug in slugs if slug in pages]

    def _seed(self):
        self.Image = get_image_model()
        home = ensure_home_page()
        self.locales = ensure_locales()
        self.default_locale = Locale.get_default()

        categories = self._snippets(Category, data.CATEGORIES, ["name", "description"], {"sector": None})
        cert_types = self._snippets(
            CertificationType,
            data.CERTIFICATION_TYPES,
            ["name", "issuer", "description"],
            {"short_name": None, "kind": None},
        )

        with transaction.atomic():
            products_index = self._child(
                home,
                ProductIndexPage,
                "products",
                title=data.INDEX_PAGES["products"]["title"][0],
                intro=data.INDEX_PAGES["products"]["intro"][0],
            )
            makers_index = self._child(
                home,
                VendorIndexPage,
                "makers",
                title=data.INDEX_PAGES["makers"]["title"][0],
                intro=data.INDEX_PAGES["makers"]["intro"][0],
            )
            standard_pages = [
                self._child(
                    home,
                    StandardPage,
                    spec["slug"],
                    title=spec["title"][0],
                    intro=spec["intro"][0],
                    body=[
                        (kind, RichText(_rich([text])) if kind == "paragraph" else text[0])
                        for kind, text in spec["body"]
                    ],
                )
                for spec in data.STANDARD_PAGES
            ]

        vendors, products = {}, {}
        for index, spec in enumerate(data.VENDORS, start=1):
            spec = {**spec, "nib": f"{index:013d}"}
            with transaction.atomic():
                vendor = self._vendor(makers_index, spec, index, cert_types)
                vendors[spec["slug"]] = (vendor, spec)
                for number, product_spec in enumerate(spec["products"], start=1):
                    product = self._product(vendor, spec, product_spec, index, number, categories, cert_types)
                    products[product_spec["slug"]] = (product, product_spec)

        with transaction.atomic():
            home = self._fill_home(home, vendors, products)
        self._translate_pages(home, products_index, makers_index, standard_pages, vendors, products)
        # Pages made in code get no admin hooks, so the pages left untranslated get their locale
        # copies (aliases) here, after the translations: an alias made first would be replaced.
        sync_locale_trees()
        return self._admin_user()

    # --- Snippets ---------------------------------------------------------------------------------

    def _snippets(self, model, specs, text_fields, plain_fields):
        """English snippets keyed by slug, each with its translations; returns {slug: snippet}."""
        found = {}
        for spec in specs:
            with transaction.atomic():
                values = {field: spec[field][0] for field in text_fields}
                values.update({field: spec[field] for field in plain_fields})
                snippet, _created = model.objects.get_or_create(
                    slug=spec["slug"], locale=self.default_locale, defaults=values
                )
                strings = {}
                for field in text_fields:
                    _pairs(strings, *spec[field])
                translate_demo(snippet, strings)
            found[spec["slug"]] = snippet
        return found

    # --- Images -----------------------------------------------------------------------------------

    def _collection(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def _image(self, collection, title, filename, draw):
        """The image titled `title` in `collection`, drawn and stored only if it is not there yet."""
        image = self.Image.objects.filter(collection=collection, title=title).first()
        if image is not None:
            return image
        content = draw()
        image = self.Image(
            title=title,
            collection=collection,
            file=ImageFile(BytesIO(content), name=filename),
            file_size=len(content),
            file_hash=hash_filelike(BytesIO(content)),
        )
        image.save()
        return image

    # --- Pages ------------------------------------------------------------------------------------

    def _child(self, parent, model, slug, **fields):
        """The English page `slug` under `parent`, created and published if it does not exist."""
        existing = model.objects.child_of(parent).filter(slug=slug, locale=self.default_locale).first()
        if existing is not None:
            return existing
        page = parent.add_child(instance=model(slug=slug, locale=self.default_locale, **fields))
        page.save_revision().publish()
        return model.objects.get(pk=page.pk)

    def _vendor(self, makers_index, spec, index, cert_types):
        existing = (
            VendorPage.objects.child_of(makers_index)
            .filter(slug=spec["slug"], locale=self.default_locale)
            .first()
        )
        if existing is not None:
            return existing
        collection = self._collection(spec["title"])
        cover = self._image(
            collection,
            f"{spec['title']} — cover",
            f"{spec['slug']}-cover.jpg",
            lambda: images.cover_image(spec["motif"], spec["sector"], index),
        )
        logo = self._image(
            collection,
            f"{spec['title']} — logo",
            f"{spec['slug']}-logo.png",
            lambda: images.logo_image(spec["title"], spec["sector"]),
        )
        vendor = VendorPage(
            title=spec["title"],
            slug=spec["slug"],
            locale=self.default_locale,
            tagline=spec["tagline"][0],
            legal_name=spec["legal_name"],
            nib=spec["nib"],
            business_type=spec["business_type"],
            year_founded=spec["year_founded"],
            district=spec["district"],
            sector=spec["sector"],
            team_size=spec["team_size"],
            export_markets=spec["export_markets"],
            languages_spoken=spec["languages"][0],
            response_time_hours=spec["response_time_hours"],
            logo=logo,
            cover_image=cover,
            story=_rich(spec["story"]),
            contact_email=f"{spec['slug']}@example.com",
            whatsapp=f"+62 800 0000 {index:04d}",
            image_collection=collection,
            is_demo=True,
        )
        for order, slug in enumerate(spec["certifications"]):
            vendor.certifications.add(
                VendorCertification(
                    sort_order=order,
                    certification_type=cert_types[slug],
                    number=_document_number(slug, index, spec),
                    valid_until=VALID_UNTIL.get(slug),
                )
            )
        mark, nice_class = spec["trademark"]
        vendor.trademarks.add(
            VendorTrademark(
                sort_order=0,
                mark=mark,
                registration_number=_document_number("djki-trademark", index, spec),
                nice_class=nice_class,
            )
        )
        makers_index.add_child(instance=vendor)
        vendor.save_revision().publish()
        return VendorPage.objects.get(pk=vendor.pk)

    def _product(self, vendor, vendor_spec, spec, vendor_index, number, categories, cert_types):
        existing = ProductPage.objects.child_of(vendor).filter(slug=spec["slug"]).first()
        if existing is not None:
            return existing
        title = spec["title"][0]
        collection = vendor.image_collection or self._collection(vendor.title)
        seed = vendor_index * 100 + number
        photos = [
            self._image(
                collection,
                f"{title} — photo {variant + 1}",
                f"{spec['slug']}-{variant + 1}.jpg",
                lambda variant=variant: images.product_image(
                    spec["motif"], vendor_spec["sector"], seed, variant=variant
                ),
            )
            # Every other product gets a second, close-up photo.
            for variant in range(1 if number % 2 == 0 else 2)
        ]
        small_workshop = vendor_spec["team_size"] < EXW_BELOW_TEAM_SIZE
        sample = spec.get("sample")
        product = ProductPage(
            title=title,
            slug=spec["slug"],
            locale=self.default_locale,
            sku=f"{''.join(w[0] for w in vendor.title.split()).upper()}-{number:02d}",
            summary=spec["summary"][0],
            description=_rich(spec["description"]),
            category=categories[spec["category"]],
            materials=spec["materials"][0],
            dimensions=spec["dimensions"],
            weight_grams=spec["weight_grams"],
            hs_code=spec["hs_code"],
            moq=spec["moq"],
            unit=spec["unit"],
            incoterm="EXW" if small_workshop else "FOB",
            incoterm_place="Kota Malang, Jawa Timur" if small_workshop else "Tanjung Perak, Surabaya",
            lead_time_days=spec["lead_time_days"],
            monthly_capacity=spec["monthly_capacity"],
            oem_available=spec["oem"] is not None,
            oem_notes=spec["oem"][0] if spec["oem"] else "",
            packaging_details=spec["packaging"][0],
            shelf_life_months=spec.get("shelf_life_months"),
            samples_available=sample is not None,
            sample_price=sample[0] if sample else None,
            sample_max_quantity=sample[1] if sample else 3,
            sample_lead_time_days=sample[2] if sample else None,
        )
        for photo_number, photo in enumerate(photos, start=1):
            product.gallery_images.add(
                ProductGalleryImage(
                    sort_order=photo_number,
                    image=photo,
                    alt_text=(
                        f"{title}, made by {vendor.title}"
                        if photo_number == 1
                        else f"Close-up of the {title.lower()}"
                    ),
                )
            )
        for order, (quantity, price) in enumerate(spec["tiers"]):
            product.price_tiers.add(
                ProductPriceTier(sort_order=order, min_quantity=quantity, unit_price=price)
            )
        for order, slug in enumerate(spec.get("product_certifications", [])):
            product.certifications.add(
                ProductCertification(
                    sort_order=order,
                    certification_type=cert_types[slug],
                    number=_document_number(slug, vendor_index, vendor_spec),
                    valid_until=VALID_UNTIL.get(slug),
                )
            )
        vendor.add_child(instance=product)
        product.save_revision().publish()
        return ProductPage.objects.get(pk=product.pk)

    def _fill_home(self, home, vendors, products):
        if home.hero_intro and home.featured_makers.exists():
            return home
        spec = data.HOME
        home.hero_title = spec["hero_title"][0]
        home.hero_intro = spec["hero_intro"][0]
        home.hero_cta_label = spec["hero_cta_label"][0]
        home.intro = _rich(spec["intro"])
        home.hero_image = self._image(
            Collection.get_first_root_node(),
            "Etalase Malang — home banner",
            "etalase-malang-hero.jpg",
            lambda: images.hero_image(
                [(vendors[slug][1]["motif"], vendors[slug][1]["sector"]) for slug in data.FEATURED_MAKERS],
            ),
        )
        if not home.featured_makers.exists():
            for order, slug in enumerate(data.FEATURED_MAKERS):
                home.featured_makers.add(HomeFeaturedMaker(sort_order=order, vendor=vendors[slug][0]))
        if not home.featured_products.exists():
            for order, slug in enumerate(data.FEATURED_PRODUCTS):
                home.featured_products.add(HomeFeaturedProduct(sort_order=order, product=products[slug][0]))
        home.save_revision().publish()
        return HomePage.objects.get(pk=home.pk)

    # --- Translations -----------------------------------------------------------------------------

    def _translate(self, page, indonesian):
        """Into Indonesian (`indonesian`: its strings) and the other languages, where not yet done."""
        with transaction.atomic():
            translate_demo(page, indonesian)

    def _translate_pages(self, home, products_index, makers_index, standard_pages, vendors, products):
        strings = {}
        for field in ("hero_title", "hero_intro", "hero_cta_label"):
            _pairs(strings, *data.HOME[field])
        for pair in data.HOME["intro"]:
            _pairs(strings, *pair)
        self._translate(home, strings)

        for page, key in ((products_index, "products"), (makers_index, "makers")):
            strings = {}
            _pairs(strings, *data.INDEX_PAGES[key]["title"])
            _pairs(strings, *data.INDEX_PAGES[key]["intro"])
            self._translate(page, strings)

        for page, spec in zip(standard_pages, data.STANDARD_PAGES, strict=True):
            strings = {}
            _pairs(strings, *spec["title"])
            _pairs(strings, *spec["intro"])
            for _kind, pair in spec["body"]:
                _pairs(strings, *pair)
            self._translate(page, strings)

        for vendor, spec in vendors.values():
            strings = {}
            for field in ("tagline", "languages"):
                _pairs(strings, *spec[field])
            for pair in spec["story"]:
                _pairs(strings, *pair)
            self._translate(vendor, strings)

        for product, spec in products.values():
            strings = {}
            for field in ("title", "summary", "materials", "packaging"):
                _pairs(strings, *spec[field])
            if spec["oem"]:
                _pairs(strings, *spec["oem"])
            for pair in spec["description"]:
                _pairs(strings, *pair)
            self._translate(product, strings)

    # --- Admin ------------------------------------------------------------------------------------

    def _admin_user(self):
        """The demo superuser's password: from DEMO_ADMIN_PASSWORD, else generated once and kept in var/."""
        path = settings.BASE_DIR.joinpath(*PASSWORD_FILE)
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        if not password and path.exists():
            password = path.read_text().strip()
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            if not password:
                password = secrets.token_urlsafe(12)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(password + "\n")
                path.chmod(0o600)
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", password)
        return password or "(unchanged; set by an earlier run or by hand)"

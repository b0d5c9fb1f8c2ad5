"""Scale benchmark: 8,000 makers and 40,000 products in English and Indonesian on PostgreSQL.

Run from the repository root, in this order (the numbers in benchmarks/RESULTS.md came from these):

    createdb -h 127.0.0.1 -U postgres etalase_scale
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/etalase_scale MEDIA_ROOT=var/scale/media
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo
    # the demo-sized twin (41 products), for the query-count comparison
    createdb -h 127.0.0.1 -U postgres -T etalase_scale etalase_scale_demo
    # 1. import throughput: 200 makers + 800 products through `manage.py import_catalog`
    nice -n 10 .venv/bin/python benchmarks/scale.py import --vendors 200 --products 800
    # 2. bulk-fill to exactly 8,000 makers and 40,000 products (+ their Indonesian translations)
    nice -n 10 .venv/bin/python benchmarks/scale.py generate --vendors 8000 --products 40000
    # 3. queries per request, here and in the demo-sized twin
    .venv/bin/python benchmarks/scale.py queries \\
        --small-db postgres://postgres@127.0.0.1:5432/etalase_scale_demo
    # 4. latency through gunicorn, 4 clients; page cache off, then on (REDIS_URL is required)
    export REDIS_URL=redis://127.0.0.1:6379/1
    .venv/bin/python benchmarks/scale.py load --clients 4 --requests 300
    .venv/bin/python benchmarks/scale.py load --clients 4 --requests 300 --cached
    # 5. the tables for RESULTS.md, from the JSON each step left in var/scale/
    .venv/bin/python benchmarks/scale.py report

`generate` writes rows directly (bulk inserts with computed tree paths), not through Page.save():
each maker and product gets an English page and an Indonesian translation sharing its
translation_key, under the Indonesian tree, live and published, with price tiers, certifications,
gallery images (shared with the demo product it is modelled on) and categories in its own locale.
It adds no revisions and no aliases in the other three locales. It then checks the tree with
treebeard's find_problems(), indexes the new pages for search and renders a sample of them.
"""

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "var" / "scale"
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")
os.environ.setdefault("MEDIA_ROOT", str(OUT_DIR / "media"))

from inquiry_load import free_port, start_gunicorn  # noqa: E402

SEED = 20261127
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
CHUNK = 250  # makers per transaction in `generate`

# Words that vary generated names; (English, Indonesian) where a product name needs both.
MAKER_PREFIXES = ["Atelier", "Studio", "Griya", "Rumah", "Sanggar", "Kriya", "Omah", "Bengkel", "Karya"]
MAKER_WORDS = [
    "Arjuna",
    "Bromo",
    "Semeru",
    "Kawi",
    "Brantas",
    "Tumpang",
    "Singosari",
    "Dinoyo",
    "Ijen",
    "Panderman",
    "Sumber",
    "Wendit",
    "Kidal",
    "Jago",
    "Badut",
    "Tugu",
    "Celaket",
    "Oro-oro",
    "Mergosono",
    "Polowijen",
]
VARIANTS = [
    ("small", "kecil"),
    ("large", "besar"),
    ("natural", "alami"),
    ("indigo", "nila"),
    ("black", "hitam"),
    ("white", "putih"),
    ("gift set", "set hadiah"),
    ("classic", "klasik"),
    ("travel size", "ukuran travel"),
    ("premium", "premium"),
    ("hotel line", "lini hotel"),
    ("eco", "ramah lingkungan"),
]


def setup_django():
    import django

    django.setup()


def require_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (see the module docstring).")


def save_json(name, data):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / f"{name}.json").write_text(json.dumps(data, indent=2, default=str))


def load_json(name):
    path = OUT_DIR / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, int(round(len(ordered) * fraction)) - 1)]


# --- Templates: the demo catalogue, in both languages ------------------------------------------------


def demo_templates():
    """The demo makers and products (English page + Indonesian translation) that generated rows copy."""
    from wagtail.models import Locale

    from catalog.models import ProductPage, VendorPage

    en, id_ = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="id")
    vendors = list(
        VendorPage.objects.filter(locale=en, alias_of__isnull=True, is_demo=True)
        .exclude(nib__startswith="9")
        .prefetch_related("certifications")
        .order_by("path")
    )
    id_vendors = {v.translation_key: v for v in VendorPage.objects.filter(locale=id_, alias_of__isnull=True)}
    products = defaultdict(list)
    for product in (
        ProductPage.objects.filter(locale=en, alias_of__isnull=True, vendor__in=vendors)
        .prefetch_related("price_tiers", "certifications", "gallery_images")
        .order_by("path")
    ):
        products[product.vendor_id].append(product)
    id_products = {
        p.translation_key: p
        for p in ProductPage.objects.filter(locale=id_, alias_of__isnull=True).prefetch_related(
            "gallery_images"
        )
    }
    templates = []
    for vendor in vendors:
        pairs = [
            (p, id_products[p.translation_key])
            for p in products[vendor.pk]
            if p.translation_key in id_products
        ]
        if vendor.translation_key in id_vendors and pairs:
            templates.append((vendor, id_vendors[vendor.translation_key], pairs))
    if not templates:
        raise SystemExit("No demo makers with Indonesian translations: run `manage.py seed_demo` first.")
    return en, id_, templates


# --- 1. Import throughput -------------------------------------------------------------------------------


def _strip_html(text):
    import re

    return "\n\n".join(re.sub(r"<[^>]+>", "", p).strip() for p in re.split(r"</p>\s*<p>", text or "") if p)


def write_import_files(directory, vendor_count, product_count, templates, start):
    """vendors.csv and products.csv in the import template's columns, modelled on the demo catalogue."""
    from catalog.importer import PRODUCT_COLUMNS, VENDOR_COLUMNS

    rng = random.Random(SEED + start)
    directory.mkdir(parents=True, exist_ok=True)
    vendors, products = [], []
    for n in range(vendor_count):
        number = start + n
        en_v, id_v, pairs = templates[number % len(templates)]
        name = f"{MAKER_PREFIXES[number % 9]} {MAKER_WORDS[(number // 9) % 20]} {number:05d}"
        nib = f"{9000000000000 + number}"
        vendors.append(
            {
                "nib": nib,
                "name_en": name,
                "name_id": name,
                "tagline_en": en_v.tagline,
                "tagline_id": id_v.tagline,
                "story_en": _strip_html(en_v.story),
                "story_id": _strip_html(id_v.story),
                "legal_name": f"CV {name} (scale test)",
                "district": en_v.district,
                "sector": en_v.sector,
                "business_type": en_v.business_type,
                "year_founded": rng.randint(1985, 2024),
                "team_size": rng.randint(2, 80),
                "export_markets": en_v.export_markets,
                "languages_spoken": en_v.languages_spoken,
                "response_time_hours": rng.choice([12, 24, 48]),
                "contact_email": f"maker{number}@scale.example.com",
                "whatsapp": f"+62 800 {number:08d}",
            }
        )
    for n in range(product_count):
        v = n % vendor_count
        number = start + v
        en_v, id_v, pairs = templates[number % len(templates)]
        en_p, id_p = pairs[(n // vendor_count) % len(pairs)]
        variant_en, variant_id = VARIANTS[n % len(VARIANTS)]
        factor = rng.uniform(0.6, 1.8)
        tiers = "; ".join(
            f"{t.min_quantity}:{t.unit_price * factor / 100:.2f}" for t in en_p.price_tiers.all()
        )
        products.append(
            {
                "vendor_nib": f"{9000000000000 + number}",
                "sku": f"SC-{n:05d}",
                "name_en": f"{en_p.title} ({variant_en})",
                "name_id": f"{id_p.title} ({variant_id})",
                "summary_en": en_p.summary,
                "summary_id": id_p.summary,
                "description_en": _strip_html(en_p.description),
                "description_id": _strip_html(id_p.description),
                "materials_en": en_p.materials,
                "materials_id": id_p.materials,
                "packaging_en": en_p.packaging_details,
                "packaging_id": id_p.packaging_details,
                "oem_notes_en": en_p.oem_notes,
                "oem_notes_id": id_p.oem_notes if en_p.oem_notes else "",
                "category": en_p.category.slug if en_p.category else "",
                "hs_code": en_p.hs_code,
                "moq": en_p.moq,
                "unit": en_p.unit,
                "incoterm": en_p.incoterm,
                "incoterm_place": en_p.incoterm_place,
                "lead_time_days": en_p.lead_time_days,
                "monthly_capacity": en_p.monthly_capacity or "",
                "weight_grams": en_p.weight_grams or "",
                "dimensions": en_p.dimensions,
                "shelf_life_months": en_p.shelf_life_months or "",
                "oem_available": "yes" if en_p.oem_available else "no",
                "samples_available": "yes" if en_p.samples_available else "no",
                "sample_price": f"{en_p.sample_price / 100:.2f}" if en_p.sample_price else "",
                "sample_lead_time_days": en_p.sample_lead_time_days or "",
                "sample_max_quantity": en_p.sample_max_quantity,
                "price_tiers": tiers,
            }
        )
    for name, columns, rows in (
        ("vendors", VENDOR_COLUMNS, vendors),
        ("products", PRODUCT_COLUMNS, products),
    ):
        with open(directory / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    return directory


def cmd_import(args):
    from django.core.management import call_command

    from wagtail.models import Page

    from catalog.models import ProductPage, VendorPage

    _en, _id, templates = demo_templates()
    start = VendorPage.objects.filter(nib__startswith="9").count()
    directory = write_import_files(OUT_DIR / "import", args.vendors, args.products, templates, start)
    before = Page.objects.count()
    before_by_type = Counter(Page.objects.values_list("content_type__model", flat=True))
    started = time.perf_counter()
    call_command("import_catalog", str(directory), progress_every=100)
    elapsed = time.perf_counter() - started
    after_by_type = Counter(Page.objects.values_list("content_type__model", flat=True))
    pages = Page.objects.count() - before
    translated = (
        VendorPage.objects.filter(nib__startswith="9", alias_of__isnull=True).count()
        + ProductPage.objects.filter(sku__startswith="SC-", alias_of__isnull=True).count()
    )
    result = {
        "rows": args.vendors + args.products,
        "vendor_rows": args.vendors,
        "product_rows": args.products,
        "seconds": round(elapsed, 1),
        "pages_created": pages,
        "en_id_pages": translated,
        "by_type": {k: after_by_type[k] - before_by_type.get(k, 0) for k in after_by_type},
        "rows_per_s": round((args.vendors + args.products) / elapsed, 2),
        "pages_per_s": round(pages / elapsed, 2),
        "en_id_pages_per_s": round(translated / elapsed, 2),
    }
    save_json("import", result)
    print(json.dumps(result, indent=2))


# --- 2. Bulk generation ---------------------------------------------------------------------------------


def encode_step(number):
    digits = ""
    for _ in range(STEPLEN):
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    if number:
        raise ValueError("too many children for one tree level")
    return digits


def decode_step(step):
    number = 0
    for char in step:
        number = number * len(ALPHABET) + ALPHABET.index(char)
    return number


class TreeSlot:
    """Hands out the next child paths of a parent page, after its existing children."""

    def __init__(self, parent):
        last = parent.get_last_child()
        self.parent = parent
        self.next = decode_step(last.path[-STEPLEN:]) + 1 if last else 1

    def take(self):
        path = self.parent.path + encode_step(self.next)
        self.next += 1
        return path


def page_row(model_ct, locale, parent_url_path, depth, path, title, slug, key, published, children):
    from wagtail.models import Page

    return Page(
        path=path,
        depth=depth,
        numchild=children,
        translation_key=key,
        locale=locale,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        latest_revision_created_at=published,
        expired=False,
        locked=False,
        title=title,
        draft_title=title,
        slug=slug,
        content_type=model_ct,
        url_path=f"{parent_url_path}{slug}/",
        show_in_menus=False,
        seo_title="",
        search_description="",
    )


def insert_children(model, rows, batch=1000):
    """Insert the child-table rows of multi-table pages whose Page rows already exist."""
    for start in range(0, len(rows), batch):
        model._base_manager._insert(
            rows[start : start + batch], fields=model._meta.local_concrete_fields, using="default"
        )


def copied_certifications(model, source, **owner):
    """Unsaved `model` rows (maker or product certifications) copying `source`'s, for `owner`."""
    return [
        model(
            **owner,
            sort_order=order,
            certification_type_id=cert.certification_type_id,
            number=cert.number,
            valid_until=cert.valid_until,
        )
        for order, cert in enumerate(source.certifications.all())
    ]


def cmd_generate(args):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Page

    from catalog.models import (
        ProductCertification,
        ProductGalleryImage,
        ProductPage,
        ProductPriceTier,
        VendorCertification,
        VendorIndexPage,
        VendorPage,
    )

    en, id_, templates = demo_templates()
    have_vendors = VendorPage.objects.filter(locale=en, alias_of__isnull=True).count()
    have_products = ProductPage.objects.filter(locale=en, alias_of__isnull=True).count()
    new_vendors = args.vendors - have_vendors
    new_products = args.products - have_products
    if new_vendors <= 0 or new_products < 0:
        print(f"Already {have_vendors} makers and {have_products} products: nothing to generate.")
        return
    print(f"Have {have_vendors} makers, {have_products} products; adding {new_vendors} and {new_products}.")
    per_vendor = [
        new_products // new_vendors + (1 if i < new_products % new_vendors else 0) for i in range(new_vendors)
    ]

    rng = random.Random(SEED)
    makers = {loc.pk: VendorIndexPage.objects.get(locale=loc) for loc in (en, id_)}
    slots = {pk: TreeSlot(page) for pk, page in makers.items()}
    vendor_ct = ContentType.objects.get_for_model(VendorPage)
    product_ct = ContentType.objects.get_for_model(ProductPage)
    id_category = {}  # en category id → id category id, through the templates' own translations
    for _v, _iv, pairs in templates:
        for en_p, id_p in pairs:
            if en_p.category_id:
                id_category[en_p.category_id] = id_p.category_id
    now = timezone.now()
    offset = VendorPage.objects.filter(nib__startswith="9").count() + 1000  # past the imported makers
    started = time.perf_counter()
    vendor_ids, product_ids = [], []

    for chunk_start in range(0, new_vendors, CHUNK):
        chunk = range(chunk_start, min(new_vendors, chunk_start + CHUNK))
        with transaction.atomic():
            vendor_pages, vendor_rows, vendor_certs = [], [], []
            plans = []  # (number, template, key, {locale pk: vendor page})
            for i in chunk:
                number = offset + i
                en_v, id_v, pairs = templates[number % len(templates)]
                name = f"{MAKER_PREFIXES[number % 9]} {MAKER_WORDS[(number // 9) % 20]} {number:05d}"
                slug = f"{en_v.slug}-{number}"
                key = uuid.uuid4()
                published = now - timedelta(days=rng.uniform(0, 720))
                pages = {}
                for locale, source in ((en, en_v), (id_, id_v)):
                    page = page_row(
                        vendor_ct,
                        locale,
                        makers[locale.pk].url_path,
                        4,
                        slots[locale.pk].take(),
                        name,
                        slug,
                        key,
                        published,
                        per_vendor[i],
                    )
                    pages[locale.pk] = (page, source)
                    vendor_pages.append(page)
                plans.append((number, (en_v, id_v, pairs), key, pages, published, i))
            Page.objects.bulk_create(vendor_pages, batch_size=1000)

            for number, (en_v, _id_v, _pairs), _key, pages, _published, _i in plans:
                for page, source in pages.values():
                    vendor_rows.append(
                        VendorPage(
                            page_ptr_id=page.pk,
                            tagline=source.tagline,
                            legal_name=f"CV {page.title} (scale test)",
                            nib=f"{9000000000000 + number}",
                            business_type=en_v.business_type,
                            year_founded=rng.randint(1985, 2024),
                            district=en_v.district,
                            sector=en_v.sector,
                            team_size=rng.randint(2, 80),
                            export_markets=en_v.export_markets,
                            languages_spoken=source.languages_spoken,
                            response_time_hours=rng.choice([12, 24, 48]),
                            logo_id=en_v.logo_id,
                            cover_image_id=en_v.cover_image_id,
                            story=source.story,
                            contact_email=f"maker{number}@scale.example.com",
                            whatsapp=f"+62800{number:08d}",
                            image_collection_id=None,
                            verified_on=None,
                            is_demo=True,
                        )
                    )
                    vendor_certs += copied_certifications(VendorCertification, en_v, vendor_id=page.pk)
            insert_children(VendorPage, vendor_rows)
            VendorCertification.objects.bulk_create(vendor_certs, batch_size=2000)
            vendor_ids.extend(page.pk for page in vendor_pages)

            # Products under each new maker, in both trees.
            product_pages, meta = [], []
            for number, (_en_v, _id_v, pairs), _key, pages, vendor_published, i in plans:
                vendor_slots = {pk: 1 for pk in pages}
                for k in range(per_vendor[i]):
                    en_p, id_p = pairs[(number + k) % len(pairs)]
                    variant = VARIANTS[(number * 7 + k) % len(VARIANTS)]
                    key = uuid.uuid4()
                    published = vendor_published + timedelta(days=rng.uniform(0, 60))
                    published = min(published, now)
                    slug = f"{en_p.slug}-{number}-{k + 1}"
                    factor = rng.uniform(0.6, 1.8)
                    moq = max(1, int(en_p.moq * rng.choice([0.25, 0.5, 1, 1, 2, 4])))
                    samples = en_p.samples_available if rng.random() < 0.8 else not en_p.samples_available
                    values = {"factor": factor, "moq": moq, "samples": samples, "sku": f"SG-{number}-{k + 1}"}
                    for locale, source, (word_en, word_id) in ((en, en_p, variant), (id_, id_p, variant)):
                        vendor_page = pages[locale.pk][0]
                        title = f"{source.title} ({word_en if locale == en else word_id})"
                        path = vendor_page.path + encode_step(vendor_slots[locale.pk])
                        vendor_slots[locale.pk] += 1
                        page = page_row(
                            product_ct,
                            locale,
                            vendor_page.url_path,
                            5,
                            path,
                            title,
                            slug,
                            key,
                            published,
                            0,
                        )
                        product_pages.append(page)
                        meta.append((page, vendor_page, source, en_p, values))
            Page.objects.bulk_create(product_pages, batch_size=1000)

            product_rows, tiers, certs, gallery = [], [], [], []
            for page, vendor_page, source, en_p, values in meta:
                prices = [max(1, int(t.unit_price * values["factor"])) for t in en_p.price_tiers.all()]
                category_id = en_p.category_id
                if page.locale_id == id_.pk:
                    category_id = id_category.get(category_id, category_id)
                product_rows.append(
                    ProductPage(
                        page_ptr_id=page.pk,
                        vendor_id=vendor_page.pk,
                        sku=values["sku"],
                        summary=source.summary,
                        description=source.description,
                        category_id=category_id,
                        materials=source.materials,
                        dimensions=en_p.dimensions,
                        weight_grams=en_p.weight_grams,
                        hs_code=en_p.hs_code,
                        moq=values["moq"],
                        unit=en_p.unit,
                        incoterm=en_p.incoterm,
                        incoterm_place=en_p.incoterm_place,
                        lead_time_days=en_p.lead_time_days,
                        monthly_capacity=en_p.monthly_capacity,
                        oem_available=en_p.oem_available,
                        oem_notes=source.oem_notes,
                        packaging_details=source.packaging_details,
                        shelf_life_months=en_p.shelf_life_months,
                        price_from=min(prices) if prices else None,
                        samples_available=values["samples"],
                        sample_price=(en_p.sample_price or 1000) if values["samples"] else None,
                        sample_lead_time_days=(en_p.sample_lead_time_days or 7)
                        if values["samples"]
                        else None,
                        sample_max_quantity=en_p.sample_max_quantity,
                    )
                )
                for order, (tier, price) in enumerate(zip(en_p.price_tiers.all(), prices, strict=True)):
                    tiers.append(
                        ProductPriceTier(
                            product_id=page.pk,
                            sort_order=order,
                            min_quantity=tier.min_quantity,
                            unit_price=price,
                            currency=tier.currency,
                        )
                    )
                certs += copied_certifications(ProductCertification, en_p, product_id=page.pk)
                for order, image in enumerate(source.gallery_images.all()):
                    gallery.append(
                        ProductGalleryImage(
                            product_id=page.pk,
                            sort_order=order,
                            image_id=image.image_id,
                            alt_text=image.alt_text,
                            caption=image.caption,
                        )
                    )
            insert_children(ProductPage, product_rows)
            ProductPriceTier.objects.bulk_create(tiers, batch_size=2000)
            ProductCertification.objects.bulk_create(certs, batch_size=2000)
            ProductGalleryImage.objects.bulk_create(gallery, batch_size=2000)
            product_ids.extend(page.pk for page in product_pages)
        done = chunk[-1] + 1
        print(
            f"  {done}/{new_vendors} makers, {len(product_ids) // 2} products "
            f"({time.perf_counter() - started:.0f} s)",
            flush=True,
        )

    with transaction.atomic():
        for page in makers.values():
            Page.objects.filter(pk=page.pk).update(numchild=page.get_children().count())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    rows_seconds = time.perf_counter() - started

    check_started = time.perf_counter()
    if args.treebeard_check:
        names = ["evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild"]
        problem_counts = {name: len(ids) for name, ids in zip(names, Page.find_problems(), strict=True)}
    else:
        problem_counts = tree_problems()
    check_seconds = time.perf_counter() - check_started
    print(f"tree check in {check_seconds:.0f} s:", problem_counts, flush=True)

    index_started = time.perf_counter()
    index_pages(VendorPage, vendor_ids)
    index_pages(ProductPage, product_ids)
    index_seconds = time.perf_counter() - index_started
    # Bulk inserts leave the planner's statistics behind (autovacuum would catch up, later): a
    # measurement right after generating would otherwise plan searches for the demo-sized tables.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")

    statuses = render_sample(en, vendor_ids, product_ids)
    result = {
        "new_vendors": new_vendors,
        "new_products": new_products,
        "pages_inserted": len(vendor_ids) + len(product_ids),
        "rows_seconds": round(rows_seconds, 1),
        "index_seconds": round(index_seconds, 1),
        "find_problems": problem_counts,
        "find_problems_seconds": round(check_seconds, 1),
        "render_statuses": statuses,
        "totals": totals(),
    }
    save_json("generate", result)
    print(json.dumps(result, indent=2))


TREE_CHECKS = {
    # treebeard's find_problems() checks, as set-based SQL: it runs two queries per node (minutes here).
    "evil_chars": "SELECT count(*) FROM wagtailcore_page WHERE path !~ '^[0-9A-Z]+$'",
    "bad_steplen": "SELECT count(*) FROM wagtailcore_page WHERE length(path) % 4 <> 0",
    "orphans": "SELECT count(*) FROM wagtailcore_page c WHERE c.depth > 1 AND NOT EXISTS "
    "(SELECT 1 FROM wagtailcore_page p WHERE p.path = left(c.path, length(c.path) - 4))",
    "wrong_depth": "SELECT count(*) FROM wagtailcore_page WHERE depth <> length(path) / 4",
    "wrong_numchild": "SELECT count(*) FROM wagtailcore_page p LEFT JOIN "
    "(SELECT left(path, length(path) - 4) "
    "AS parent, count(*) AS n FROM wagtailcore_page GROUP BY 1) c ON c.parent = p.path "
    "WHERE p.numchild <> coalesce(c.n, 0)",
    "duplicate_paths": "SELECT count(*) - count(DISTINCT path) FROM wagtailcore_page",
    "duplicate_url_paths": "SELECT count(*) FROM (SELECT url_path FROM wagtailcore_page "
    "GROUP BY url_path, locale_id HAVING count(*) > 1) d",
}


def tree_problems():
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for name, sql in TREE_CHECKS.items():
            cursor.execute(sql)
            counts[name] = cursor.fetchone()[0]
    return counts


def index_pages(model, ids, chunk=1000):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    index = backend.get_index_for_model(model)
    queryset = model.objects.all()
    if model.__name__ == "ProductPage":
        queryset = queryset.select_related("vendor")
    for start in range(0, len(ids), chunk):
        batch = list(queryset.filter(pk__in=ids[start : start + chunk]))
        index.add_items(model, batch)
        print(f"  indexed {min(len(ids), start + chunk)}/{len(ids)} {model.__name__}", flush=True)
    if hasattr(index, "_refresh_title_norms"):
        index._refresh_title_norms()


def render_sample(en, vendor_ids, product_ids, sample=20):
    from django.test import Client

    from wagtail.models import Page

    client = Client()
    rng = random.Random(SEED)
    ids = rng.sample(vendor_ids, min(sample, len(vendor_ids))) + rng.sample(
        product_ids, min(sample, len(product_ids))
    )
    statuses = Counter()
    for page in Page.objects.filter(pk__in=ids):
        statuses[client.get(page.url, HTTP_HOST="127.0.0.1").status_code] += 1
    return dict(statuses)


def totals():
    from django.db.models import Count

    from wagtail.models import Locale, Page

    from catalog.models import ProductPage, VendorPage

    data = {}
    for locale in Locale.objects.filter(language_code__in=["en", "id"]):
        data[locale.language_code] = {
            "vendors": VendorPage.objects.filter(locale=locale, alias_of__isnull=True).count(),
            "products": ProductPage.objects.filter(locale=locale, alias_of__isnull=True).count(),
            "live products": ProductPage.objects.filter(
                locale=locale, alias_of__isnull=True, live=True
            ).count(),
        }
    en_keys = ProductPage.objects.filter(locale__language_code="en", alias_of__isnull=True).values(
        "translation_key"
    )
    data["en products with an id translation"] = ProductPage.objects.filter(
        locale__language_code="id", alias_of__isnull=True, translation_key__in=en_keys
    ).count()
    data["pages"] = Page.objects.count()
    data["pages by locale"] = dict(
        Page.objects.order_by().values_list("locale__language_code").annotate(n=Count("id"))
    )
    return data


# --- 3. Queries per request --------------------------------------------------------------------------------


def scale_urls():
    """(name, URL) of the pages measured; product and maker pages both a demo one and a generated one."""
    from wagtail.models import Locale

    from catalog.models import ProductIndexPage, ProductPage, VendorPage

    en = Locale.objects.get(language_code="en")
    catalogue = ProductIndexPage.objects.live().get(locale=en)
    demo_product = ProductPage.objects.get(locale=en, slug="dinoyo-porcelain-aroma-burner")
    demo_vendor = VendorPage.objects.get(locale=en, slug="atelier-kabut-porselen")
    urls = [
        ("catalogue, first page", catalogue.url),
        ("catalogue, filtered", f"{catalogue.url}?samples=1&moq_max=500&sort=price"),
        ("catalogue, page 100", f"{catalogue.url}?page=100"),
        ("search", "/en/search/?q=porcelain"),
        ("product page (demo)", demo_product.url),
        ("maker page (demo)", demo_vendor.url),
    ]
    generated = ProductPage.objects.filter(locale=en, sku__startswith="SG-").order_by("path")
    count = generated.count()
    if count:
        product = generated[count // 2]
        urls += [("product page (generated)", product.url), ("maker page (generated)", product.vendor.url)]
    return urls


def count_queries(urls):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    counts = {}
    for name, url in urls:
        response = client.get(url, HTTP_HOST="127.0.0.1")  # warm-up: renditions, caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_HOST="127.0.0.1")
        counts[name] = {
            "url": url,
            "status": response.status_code,
            "queries": len(queries),
            "sql": [q["sql"][:300] for q in queries.captured_queries] if name.startswith("catalogue") else [],
        }
    return counts


def cmd_queries(args):
    from catalog.models import ProductPage

    urls = scale_urls()
    if args.urls:
        urls = json.loads(args.urls)
    products = ProductPage.objects.filter(locale__language_code="en", alias_of__isnull=True).count()
    counts = count_queries(urls)
    if args.child:
        print(json.dumps({"products": products, "counts": counts}))
        return
    result = {"large": {"products": products, "counts": counts}}
    if args.small_db:
        output = subprocess.run(
            [sys.executable, __file__, "queries", "--child", "--urls", json.dumps(urls)],
            env={**os.environ, "DATABASE_URL": args.small_db},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result["small"] = json.loads(output.strip().splitlines()[-1])
    save_json("queries", result)
    for name, url in urls:
        small = result.get("small", {}).get("counts", {}).get(name, {})
        print(
            f"{name:28} {url:70} {counts[name]['status']} "
            f"{counts[name]['queries']:3} {small.get('queries', '-')}"
        )


# --- 4. Latency through gunicorn -------------------------------------------------------------------------


def start_server(port, workers, threads, cached):
    return start_gunicorn(
        port,
        workers,
        threads,
        env={"DATABASE_CONN_MAX_AGE": "600", "PAGE_CACHE": "1" if cached else "0"},
        extra_args=["--access-logfile=-" if os.environ.get("SCALE_ACCESS_LOG") else "--error-logfile=-"],
    )


def drive(port, path, clients, requests):
    """`clients` threads on keep-alive connections, `requests` GETs in all: (ms list, statuses, wall s)."""
    import http.client

    latencies, statuses = [], Counter()
    lock = threading.Lock()
    per_client = -(-requests // clients)

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(per_client):
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Encoding": "identity"})
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = "error"
            mine.append(((time.perf_counter() - started) * 1000, status))
        conn.close()
        with lock:
            for ms, status in mine:
                latencies.append(ms)
                statuses[status] += 1

    threads = [threading.Thread(target=run) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %d %d %d %.3f %.3f\\n", summary.requests, e.connect + e.read + e.write
    + e.timeout, e.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def drive_wrk(port, path, clients, seconds):
    """The same measure with wrk (C, so the client takes less of the 2 cores): (p50, p95, req/s, statuses)."""
    script = OUT_DIR / "percentiles.lua"
    script.write_text(WRK_SCRIPT)
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(clients, 2)}",
            f"-c{clients}",
            f"-d{seconds}s",
            "-s",
            str(script),
            "-H",
            "Accept-Encoding: identity",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    requests, socket_errors, non_2xx, p50, p95 = line.split()[1:]
    statuses = {
        "2xx/3xx": int(requests) - int(non_2xx),
        "non-2xx": int(non_2xx),
        "socket errors": int(socket_errors),
    }
    return float(p50), float(p95), int(requests) / seconds, {k: v for k, v in statuses.items() if v}


def cmd_load(args):
    if args.cached and not os.environ.get("REDIS_URL"):
        raise SystemExit("--cached needs REDIS_URL (the page cache lives in Redis).")
    urls = [(name, url) for name, url in scale_urls() if "(demo)" not in name]
    port = free_port()
    server = start_server(port, args.workers, args.threads, args.cached)
    rows = {}
    try:
        for name, url in urls:
            # Warm every worker: renditions, template and URL caches, and (cached run) the page cache.
            drive(port, url, args.clients, max(args.workers * args.threads * 4, 20))
            if args.wrk:
                p50, p95, rps, statuses = drive_wrk(port, url, args.clients, args.wrk)
                rows[name] = {"url": url, "requests": f"{args.wrk} s", "statuses": statuses}
            else:
                latencies, counts, wall = drive(port, url, args.clients, args.requests)
                p50, p95, rps = (
                    statistics.median(latencies),
                    percentile(latencies, 0.95),
                    len(latencies) / wall,
                )
                statuses = {str(k): v for k, v in counts.items()}
                rows[name] = {"url": url, "requests": len(latencies), "statuses": statuses}
            rows[name].update(p50=round(p50, 1), p95=round(p95, 1), rps=round(rps, 1))
            print(f"{name:28} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {rps:6.1f} req/s  {statuses}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    result = {
        "cached": args.cached,
        "clients": args.clients,
        "workers": args.workers,
        "threads": args.threads,
        "client": f"wrk, {args.wrk} s per URL"
        if args.wrk
        else f"threaded Python client, {args.requests} requests",
        "redis": bool(os.environ.get("REDIS_URL")),
        "load_average": os.getloadavg(),
        "rows": rows,
    }
    save_json(f"load-{'cached' if args.cached else 'uncached'}{args.tag}", result)


# --- 5. Report ------------------------------------------------------------------------------------------

BUDGETS_UNCACHED = {
    "catalogue, first page": 60,
    "catalogue, filtered": 60,
    "catalogue, page 100": 60,
    "product page (generated)": 60,
    "search": 150,
}


def cmd_report(args):
    lines = []
    queries = load_json("queries")
    if queries:
        small, large = queries.get("small", {}), queries["large"]
        lines += [
            f"| page | URL | queries at {small.get('products', '?')} products | "
            f"queries at {large['products']:,} products | same |",
            "|---|---|---|---|---|",
        ]
        for name, row in large["counts"].items():
            other = small.get("counts", {}).get(name)
            if other and other["status"] != 200:
                other = None
            other_q = other["queries"] if other else "–"
            same = "" if other is None else ("yes" if other["queries"] == row["queries"] else "NO")
            lines.append(f"| {name} | `{row['url']}` | {other_q} | {row['queries']} | {same} |")
        lines.append("")
    for tag in ("uncached", "cached"):
        load = load_json(f"load-{tag}{args.tag}")
        if not load:
            continue
        lines += [
            f"{tag.capitalize()}: {load['clients']} clients, gunicorn {load['workers']} workers × "
            f"{load['threads']} thread{'' if load['threads'] == 1 else 's'}, "
            f"{next(iter(load['rows'].values()))['requests']} requests per URL "
            "after warm-up.",
            "",
            "| page | URL | p50 ms | p95 ms | req/s | budget (p50) | |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, row in load["rows"].items():
            # Search results are never page-cached (endless URLs): the cached run shows them uncached.
            budget = (None if name == "search" else 5) if tag == "cached" else BUDGETS_UNCACHED.get(name)
            verdict = "" if budget is None else ("met" if row["p50"] < budget else "MISSED")
            errors = {k: v for k, v in row["statuses"].items() if k != "200"}
            note = f" ({errors})" if errors else ""
            lines.append(
                f"| {name} | `{row['url']}` | {row['p50']} | {row['p95']} | {row['rps']}{note} | "
                f"{f'< {budget} ms' if budget else ''} | {verdict} |"
            )
        lines.append("")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    step = commands.add_parser("import", help="time import_catalog on a generated file")
    step.add_argument("--vendors", type=int, default=200)
    step.add_argument("--products", type=int, default=800)
    step = commands.add_parser("generate", help="bulk-fill to the target numbers")
    step.add_argument("--vendors", type=int, default=8000)
    step.add_argument("--products", type=int, default=40000)
    step.add_argument("--treebeard-check", action="store_true", help="Page.find_problems() (slow) not SQL")
    step = commands.add_parser("queries", help="queries per request, here and in --small-db")
    step.add_argument("--small-db", help="DATABASE_URL of the demo-sized twin")
    step.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    step.add_argument("--urls", help=argparse.SUPPRESS)
    step = commands.add_parser("load", help="p50/p95 through gunicorn under concurrency")
    step.add_argument("--clients", type=int, default=4)
    step.add_argument("--requests", type=int, default=400, help="timed requests per URL")
    # A process per client: rendering is CPU-bound, and threads of one worker share its GIL.
    step.add_argument("--workers", type=int, default=4)
    step.add_argument("--threads", type=int, default=1)
    step.add_argument("--cached", action="store_true", help="PAGE_CACHE=1, URLs warmed first")
    step.add_argument("--wrk", type=int, metavar="SECONDS", help="drive with wrk for SECONDS per URL")
    step.add_argument("--tag", default="", help="suffix for the result file (variants)")
    step = commands.add_parser("report", help="markdown tables from var/scale/*.json")
    step.add_argument("--tag", default="")
    args = parser.parse_args()

    if args.command in ("queries", "generate"):
        os.environ["PAGE_CACHE"] = "0"  # count and render the real work, not the page cache's hits
    if args.command != "report":
        require_postgres()
        setup_django()
    {
        "import": cmd_import,
        "generate": cmd_generate,
        "queries": cmd_queries,
        "load": cmd_load,
        "report": cmd_report,
    }[args.command](args)


if __name__ == "__main__":
    main()

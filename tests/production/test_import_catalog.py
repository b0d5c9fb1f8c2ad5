"""`import_catalog`: a 94-row spreadsheet with 22 bad rows, re-import, dry run, CSV and templates."""

import csv
import re
import time
from io import StringIO

import pytest
from openpyxl import Workbook, load_workbook

from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Locale, Revision

from catalog.importer import PRODUCT_COLUMNS, VENDOR_COLUMNS
from catalog.models import ProductPage, VendorPage
from tests import factories

pytestmark = pytest.mark.django_db

N_VENDORS = 34
N_PRODUCTS = 60
DISTRICTS = ["blimbing", "kedungkandang", "klojen", "lowokwaru", "sukun"]
# Bad maker rows: spreadsheet line → what is wrong (line 1 is the header).
BAD_VENDORS = {
    5: {"nib": "12345"},
    9: {"district": "batu"},
    13: {"nib": None},  # filled in below: the NIB of line 2 again
    17: {"name_en": "", "name_id": ""},
    21: {"whatsapp": "call me"},
    25: {"year_founded": "nineteen"},
    29: {"tagline_en": ""},  # Indonesian tagline with no English source text
    33: {"sector": "mining"},
}
BAD_PRODUCT_KINDS = [
    {"hs_code": "12AB"},
    {"moq": "0"},
    {"price_tiers": "100:4.00; 50:3.00"},
    {"sku": ""},
    {"vendor_nib": "9999999999999"},
    {"duplicate": True},
    {"price_tiers": "lots"},
    {"samples_available": "yes", "sample_price": ""},
    {"lead_time_days": ""},
    {"category": "spaceships"},
    {"unit": "barrels"},
    {"vendor_nib": "12345"},  # the maker whose row was rejected
    {"summary_en": ""},
    {"moq": "many"},
]
BAD_LINE_STEP = 3
# The line the file of a month later gets wrong: a good line in the first file.
CHANGED_BAD_LINE = 58
BAD_PRODUCT_LINES = [11 + BAD_LINE_STEP * i for i in range(len(BAD_PRODUCT_KINDS))]  # each kind above once


def bad_line(kind):
    """The first spreadsheet line with the `kind`-th mistake of BAD_PRODUCT_KINDS."""
    return BAD_PRODUCT_LINES[kind]


def vendor_nib(index):
    return f"{9000000000000 + index}"


def vendor_rows():
    rows = []
    for index in range(N_VENDORS):
        line = index + 2
        indonesian_only = index % 10 == 3
        row = {
            "nib": vendor_nib(index),
            "legal_name": f"CV Demo Maker {index}",
            "district": DISTRICTS[index % 5],
            "sector": "crafts",
            "business_type": "artisan",
            "year_founded": str(1990 + index % 30),
            "team_size": str(3 + index % 20),
            "whatsapp": f"+62 800 0000 {index:04d}",
            "name_id": f"Pengrajin Demo {index}",
            "tagline_id": f"Kerajinan tangan nomor {index}",
        }
        if not indonesian_only:
            row.update(
                name_en=f"Demo Maker {index}",
                tagline_en=f"Handmade goods number {index}",
                story_en=f"A workshop in Malang, number {index}.\n\nWe export & ship.",
            )
            row["story_id"] = f"Bengkel di Malang, nomor {index}.\n\nKami ekspor & kirim."
        bad = BAD_VENDORS.get(line)
        if bad:
            row.update(bad)
            if "nib" in bad and bad["nib"] is None:
                row["nib"] = vendor_nib(0)
        rows.append(row)
    return rows


def good_vendor_indexes():
    return [i for i in range(N_VENDORS) if i + 2 not in BAD_VENDORS]


def product_rows():
    good = good_vendor_indexes()
    rows = []
    for index in range(N_PRODUCTS):
        line = index + 2
        owner = good[index % len(good)]
        row = {
            "vendor_nib": vendor_nib(owner),
            "sku": f"SKU-{index:04d}",
            "category": "ceramics",
            "hs_code": "6913.10",
            "moq": "100",
            "unit": "pieces",
            "incoterm": "fob",
            "lead_time_days": "30",
            "samples_available": "yes" if index % 4 == 0 else "no",
            "sample_price": "12.50" if index % 4 == 0 else "",
            "price_tiers": "100:4.50; 500:3.80",
        }
        if owner % 10 == 3 or index % 7 == 0:  # the maker writes in Indonesian only; some products too
            row.update(name_id=f"Produk demo {index}", summary_id=f"Ringkasan produk {index}")
        else:
            row.update(name_en=f"Demo product {index}", summary_en=f"Summary of product {index}")
            if index % 10 == 0:
                row.update(
                    name_id=f"Produk demo {index}",
                    summary_id=f"Ringkasan produk {index}",
                    description_en="First paragraph.\n\nSecond <paragraph>.",
                    description_id="Paragraf pertama.\n\nParagraf <kedua>.",
                )
        if line in BAD_PRODUCT_LINES:
            kind = dict(BAD_PRODUCT_KINDS[BAD_PRODUCT_LINES.index(line) % len(BAD_PRODUCT_KINDS)])
            if kind.pop("duplicate", False):
                previous = rows[index - 1]
                kind = {"vendor_nib": previous["vendor_nib"], "sku": previous["sku"]}
            if "summary_en" in kind and "name_en" not in row:
                kind = {"summary_id": ""}
            row.update(kind)
        rows.append(row)
    return rows


def write_xlsx(path, vendors, products):
    book = Workbook()
    book.remove(book.active)
    for name, columns, rows in (
        ("vendors", VENDOR_COLUMNS, vendors),
        ("products", PRODUCT_COLUMNS, products),
    ):
        sheet = book.create_sheet(name)
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(column, "") for column in columns])
    book.save(path)
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    started = time.monotonic()
    # A command speaks the site's default language; earlier requests to /id/ pages must not leak into it.
    with translation.override("en"):
        call_command("import_catalog", *[str(a) for a in args], stdout=out, stderr=err)
    return {"out": out.getvalue(), "err": err.getvalue(), "seconds": time.monotonic() - started}


def rejected_lines(output):
    found = {"vendors": set(), "products": set()}
    for sheet, line in re.findall(r"^(vendors|products):(\d+): ", output, re.M):
        found[sheet].add(int(line))
    return found


def summary(output, sheet):
    match = re.search(
        rf"^{sheet}: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) rejected$", output, re.M
    )
    assert match, output
    return dict(zip(("created", "updated", "unchanged", "rejected"), map(int, match.groups()), strict=True))


def counts():
    result = {"revisions": Revision.objects.count()}
    for locale in Locale.objects.all():
        for model in (VendorPage, ProductPage):
            pages = model.objects.filter(locale=locale)
            result[f"{model.__name__}/{locale.language_code}"] = pages.count()
            result[f"{model.__name__}/{locale.language_code}/own"] = pages.filter(
                alias_of__isnull=True
            ).count()
    return result


def changed_product_rows():
    """The same file a month later: 20 new products, 20 with a new price, one with a bad HS code."""
    rows = product_rows()
    for line, row in enumerate(rows[:20], start=2):
        if line not in BAD_PRODUCT_LINES:
            row["price_tiers"] = "100:4.40; 500:3.70"
    rows[CHANGED_BAD_LINE - 2]["hs_code"] = "1"
    rows.extend({**rows[0], "sku": f"NEW-{index:03d}"} for index in range(20))
    return rows


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    """Import and re-import of the 94-row file, then a dry run of a changed file, once for the module.

    Everything happens in a transaction rolled back at the end; the tests below only read the results.
    """
    folder = tmp_path_factory.mktemp("import")
    path = write_xlsx(folder / "catalogue.xlsx", vendor_rows(), product_rows())
    changed = write_xlsx(folder / "changed.xlsx", vendor_rows(), changed_product_rows())
    with django_db_blocker.unblock(), transaction.atomic():
        factories.build_site()
        factories.make_category("Ceramics")
        result = {"before": counts(), "first": run(path)}
        result["after_first"] = counts()
        result["second"] = run(path)
        result["after_second"] = counts()
        result["dry"] = run(changed, "--dry-run")
        result["after_dry"] = counts()
        yield result
        transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()


def expected_bad_product_lines():
    return set(BAD_PRODUCT_LINES)


def test_every_bad_row_is_reported_with_its_line(imported):
    lines = rejected_lines(imported["first"]["out"])
    assert lines["vendors"] == set(BAD_VENDORS)
    assert lines["products"] == expected_bad_product_lines()
    out = imported["first"]["out"]
    assert re.search(r"^vendors:5: nib: An NIB is exactly 13 digits", out, re.M)
    assert re.search(r"^vendors:9: district: Value 'batu' is not a valid choice", out, re.M)
    assert re.search(r"^vendors:13: the same key \(9000000000000\) is already on line 2", out, re.M)
    assert re.search(r"^vendors:21: whatsapp: Enter a WhatsApp number", out, re.M)
    assert re.search(r"^vendors:25: year_founded: “nineteen” is not a whole number", out, re.M)
    assert re.search(r"^vendors:29: tagline_en: give the English text too", out, re.M)
    for kind, message in [
        (0, r"hs_code: An HS code has 6 to 10 digits"),
        (1, r"moq: The minimum order quantity must be at least 1"),
        (2, r"Each price tier must start at a larger quantity"),
        (3, r"sku: this column is required"),
        (4, r"vendor_nib: no maker with NIB 9999999999999"),
        (6, r"price_tiers: write each tier as quantity:price"),
        (7, r"sample_price: Give a sample price"),
        (9, r"category: there is no category “spaceships”"),
        (10, r"unit: Value 'barrels' is not a valid choice"),
        (11, r"vendor_nib: no maker with NIB 12345"),
        (13, r"moq: “many” is not a whole number"),
    ]:
        assert re.search(rf"^products:{bad_line(kind)}: {message}", out, re.M), message
    duplicate = bad_line(5)  # repeats the row above it: SKU numbers count rows from line 2
    key = rf"\(\d{{13}} \+ SKU-{duplicate - 3:04d}\)"
    assert re.search(
        rf"^products:{duplicate}: the same key {key} is already on line {duplicate - 1}", out, re.M
    )


def test_every_good_row_is_imported_and_published(imported):
    first = imported["first"]["out"]
    good_vendors, good_products = N_VENDORS - len(BAD_VENDORS), N_PRODUCTS - len(BAD_PRODUCT_LINES)
    assert summary(first, "vendors") == {
        "created": good_vendors,
        "updated": 0,
        "unchanged": 0,
        "rejected": len(BAD_VENDORS),
    }
    assert summary(first, "products") == {
        "created": good_products,
        "updated": 0,
        "unchanged": 0,
        "rejected": len(BAD_PRODUCT_LINES),
    }
    good = {row["sku"] for line, row in enumerate(product_rows(), start=2) if line not in BAD_PRODUCT_LINES}
    stored = set(
        ProductPage.objects.filter(alias_of__isnull=True, sku__startswith="SKU-").values_list(
            "sku", flat=True
        )
    )
    assert stored == good
    assert not ProductPage.objects.filter(alias_of__isnull=True, sku__startswith="SKU-", live=False).exists()
    nibs = {vendor_nib(i) for i in good_vendor_indexes()}
    assert set(VendorPage.objects.filter(alias_of__isnull=True).values_list("nib", flat=True)) == nibs
    # Progress went to stderr as the sheets were worked through.
    assert f"products: {N_PRODUCTS}/{N_PRODUCTS}" in imported["first"]["err"]


def test_english_and_indonesian_text_land_in_their_locales(imported, client):
    english, indonesian = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="id")
    # Product 20 has both languages (an English maker, index % 10 == 0).
    product = ProductPage.objects.get(sku="SKU-0020", locale=english)
    assert product.title == "Demo product 20" and product.live
    assert product.description == "<p>First paragraph.</p><p>Second &lt;paragraph&gt;.</p>"
    translated = product.get_translation(indonesian)
    assert translated.alias_of_id is None
    assert translated.title == "Produk demo 20"
    assert translated.summary == "Ringkasan produk 20"
    page = client.get(translated.url)
    assert page.status_code == 200
    assert "Paragraf &lt;kedua&gt;." in page.content.decode()
    # English-only products get locale copies (aliases) in every other language.
    only_english = ProductPage.objects.get(sku="SKU-0001", locale=english)
    assert ProductPage.objects.filter(translation_key=only_english.translation_key).count() == 5


def test_indonesian_only_rows_never_show_as_english(imported, client):
    english, indonesian = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="id")
    # Maker 13 wrote only in Indonesian: its page is in the Indonesian tree and has no English text.
    maker = VendorPage.objects.get(nib=vendor_nib(13), alias_of__isnull=True)
    assert maker.locale == indonesian and maker.title == "Pengrajin Demo 13"
    assert client.get(maker.url).status_code == 200
    # Product 7 (index % 7 == 0) is Indonesian only, under an English maker.
    product = ProductPage.objects.get(sku="SKU-0007")
    assert product.locale == indonesian and product.title == "Produk demo 7"
    assert not ProductPage.objects.filter(translation_key=product.translation_key, locale=english).exists()
    english_catalogue = ProductPage.objects.filter(locale=english, alias_of__isnull=True)
    assert not english_catalogue.filter(title__startswith="Produk demo").exists()
    assert not VendorPage.objects.filter(
        locale=english, alias_of__isnull=True, title__startswith="Pengrajin"
    ).exists()


def test_dry_run_reports_what_would_change_but_writes_nothing(imported):
    dry = imported["dry"]["out"]
    assert imported["after_dry"] == imported["after_second"]
    assert not ProductPage.objects.filter(sku__startswith="NEW-").exists()
    assert ProductPage.objects.get(sku="SKU-0001", locale__language_code="en").price_from == 380
    assert "Dry run: nothing was saved." in dry
    assert rejected_lines(dry)["products"] == expected_bad_product_lines() | {CHANGED_BAD_LINE}
    # Rows 2..21 get new prices; the bad lines among them stay bad.
    updated = 20 - len([line for line in BAD_PRODUCT_LINES if line <= 21])
    assert summary(dry, "products") == {
        "created": 20,
        "updated": updated,
        "unchanged": N_PRODUCTS - len(BAD_PRODUCT_LINES) - updated - 1,
        "rejected": len(BAD_PRODUCT_LINES) + 1,
    }


def test_second_import_changes_nothing(imported):
    assert imported["after_second"] == imported["after_first"]
    second = imported["second"]["out"]
    assert summary(second, "vendors") == {
        "created": 0,
        "updated": 0,
        "unchanged": N_VENDORS - len(BAD_VENDORS),
        "rejected": len(BAD_VENDORS),
    }
    assert summary(second, "products") == {
        "created": 0,
        "updated": 0,
        "unchanged": N_PRODUCTS - len(BAD_PRODUCT_LINES),
        "rejected": len(BAD_PRODUCT_LINES),
    }
    print(
        f"import: first run {imported['first']['seconds']:.1f} s "
        f"({(N_VENDORS + N_PRODUCTS) / imported['first']['seconds']:.1f} rows/s), "
        f"re-run {imported['second']['seconds']:.1f} s, dry run of the changed file "
        f"{imported['dry']['seconds']:.1f} s"
    )


def test_changed_row_updates_its_page_and_publishes_a_revision(site_tree, tmp_path):
    factories.make_category("Ceramics")
    vendors = [{"nib": "9100000000001", "name_en": "Kabut", "legal_name": "CV Kabut", "district": "klojen"}]
    vendors[0]["sector"] = "crafts"
    product = {
        "vendor_nib": "9100000000001",
        "sku": "K-1",
        "name_en": "Burner",
        "name_id": "Tungku",
        "summary_en": "A burner",
        "summary_id": "Sebuah tungku",
        "hs_code": "691310",
        "moq": "10",
        "lead_time_days": "14",
        "price_tiers": "10:5",
    }
    first = run(write_xlsx(tmp_path / "a.xlsx", vendors, [product]))
    assert summary(first["out"], "products")["created"] == 1, first["out"]
    page = ProductPage.objects.get(sku="K-1", locale__language_code="en")
    revisions = Revision.objects.for_instance(page).count()

    product.update(
        summary_en="A porcelain burner", summary_id="Tungku porselen", price_tiers="10:5; 100:4.25"
    )
    result = run(write_xlsx(tmp_path / "b.xlsx", vendors, [product]))

    assert summary(result["out"], "products")["updated"] == 1
    assert summary(result["out"], "vendors")["unchanged"] == 1
    page.refresh_from_db()
    assert page.summary == "A porcelain burner"
    assert [(t.min_quantity, t.unit_price) for t in page.price_tiers.all()] == [(10, 500), (100, 425)]
    assert page.price_from == 425
    assert Revision.objects.for_instance(page).count() == revisions + 1
    translated = page.get_translation(Locale.objects.get(language_code="id"))
    assert translated.summary == "Tungku porselen"


def test_csv_files_import_like_the_spreadsheet(site_tree, tmp_path):
    factories.make_category("Ceramics")
    call_command("import_catalog", "--write-template", str(tmp_path), stdout=StringIO())
    with open(tmp_path / "products.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows.append([*rows[1]])
    rows[2][PRODUCT_COLUMNS.index("sku")] = "AKP-02"
    rows[2][PRODUCT_COLUMNS.index("hs_code")] = "69"
    with open(tmp_path / "products.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)

    result = run(tmp_path / "vendors.csv", tmp_path / "products.csv")

    assert summary(result["out"], "vendors")["created"] == 1
    assert summary(result["out"], "products")["created"] == 1
    assert rejected_lines(result["out"]) == {"vendors": set(), "products": {3}}
    product = ProductPage.objects.get(sku="AKP-01", locale__language_code="en")
    assert product.price_from == 380 and product.sample_price == 1500 and product.oem_available
    assert product.get_translation(Locale.objects.get(language_code="id")).title == "Tungku aroma porselen"
    # The directory works too, and finds nothing new to do.
    again = run(tmp_path)
    assert summary(again["out"], "products")["unchanged"] == 1


def test_template_files_in_docs_match_the_importer(tmp_path):
    book = load_workbook("docs/import-template.xlsx", read_only=True)
    assert [c.value for c in next(book["vendors"].iter_rows(max_row=1))] == VENDOR_COLUMNS
    assert [c.value for c in next(book["products"].iter_rows(max_row=1))] == PRODUCT_COLUMNS
    with open("docs/import-template/products.csv", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == PRODUCT_COLUMNS
    with open("docs/import-template/vendors.csv", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == VENDOR_COLUMNS


def test_certificates_are_imported_with_numbers_checked_per_type(site_tree, tmp_path):
    factories.make_certification_type("Halal", "Halal certificate", kind="halal")
    factories.make_certification_type("P-IRT", "Home-industry food permit", kind="p-irt")
    maker = {"nib": "9100000000002", "name_en": "Renyah", "legal_name": "CV Renyah", "district": "blimbing"}
    maker["sector"] = "processed-food"
    bad_maker = {**maker, "nib": "9100000000003", "name_en": "Gurih", "certifications": "halal=HALAL-2024"}
    maker["certifications"] = "halal=ID35110000123456@2027-12-31"
    product = {
        "vendor_nib": "9100000000002",
        "sku": "R-1",
        "name_en": "Tempe chips",
        "summary_en": "Thin tempe chips",
        "hs_code": "210690",
        "moq": "100",
        "lead_time_days": "14",
        "price_tiers": "100:2",
    }
    bad_product = {**product, "sku": "R-2", "certifications": "p-irt=12345"}
    product["certifications"] = "p-irt=P-IRT No. 2063507010123-29@2029-12-31; halal=ID35110000123456"

    result = run(write_xlsx(tmp_path / "a.xlsx", [maker, bad_maker], [product, bad_product]))

    assert rejected_lines(result["out"]) == {"vendors": {3}, "products": {3}}, result["out"]
    assert "ID35110000123456" in result["out"]  # the message names the expected format
    assert "1234567890123-45" in result["out"]
    vendor = VendorPage.objects.get(nib="9100000000002", locale__language_code="en")
    assert [(c.number, str(c.valid_until)) for c in vendor.certifications.all()] == [
        ("ID35110000123456", "2027-12-31")
    ]
    page = ProductPage.objects.get(sku="R-1", locale__language_code="en")
    assert [c.number for c in page.certifications.all()] == ["P-IRT No. 2063507010123-29", "ID35110000123456"]
    again = run(write_xlsx(tmp_path / "b.xlsx", [maker], [product]))
    assert summary(again["out"], "products")["unchanged"] == 1

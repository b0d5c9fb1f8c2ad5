"""Bulk import of makers and products from a spreadsheet (XLSX) or two CSV files.

Rows are keyed by NIB (makers) and maker NIB + SKU (products). English text goes into the
default-locale page and Indonesian into its wagtail-localize translation; a row with only
Indonesian text makes a page in the Indonesian tree and no English text at all. Each row is
validated with the models' own validation and saved in its own transaction, so a bad row is
reported (sheet, line, reason) and never stops the others nor leaves half a record behind.
Values are compared before saving: a row that changes nothing creates no revision.
The column reference is docs/import.md.
"""

import csv
import html
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_post_save

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from storefront.translation import create_locale_copies, translate

from .certificates import validate_number
from .fields import to_minor_units
from .models import (
    Category,
    CertificationType,
    ProductCertification,
    ProductPage,
    ProductPriceTier,
    VendorCertification,
    VendorIndexPage,
    VendorPage,
)

VENDORS, PRODUCTS = "vendors", "products"
INDONESIAN = "id"

# Translatable text: column stem → (model field, is rich text). Columns are <stem>_en and <stem>_id.
VENDOR_TEXT = {"name": ("title", False), "tagline": ("tagline", False), "story": ("story", True)}
PRODUCT_TEXT = {
    "name": ("title", False),
    "summary": ("summary", False),
    "description": ("description", True),
    "materials": ("materials", False),
    "packaging": ("packaging_details", False),
    "oem_notes": ("oem_notes", False),
}
# Plain columns (same name as the model field) and how to read them.
VENDOR_PLAIN = {
    "legal_name": "text",
    "district": "choice",
    "sector": "choice",
    "business_type": "choice",
    "year_founded": "int",
    "team_size": "int",
    "export_markets": "text",
    "languages_spoken": "text",
    "response_time_hours": "int",
    "contact_email": "text",
    "whatsapp": "text",
}
PRODUCT_PLAIN = {
    "hs_code": "text",
    "moq": "int",
    "unit": "choice",
    "incoterm": "upper",
    "incoterm_place": "text",
    "lead_time_days": "int",
    "monthly_capacity": "int",
    "weight_grams": "int",
    "dimensions": "text",
    "shelf_life_months": "int",
    "oem_available": "bool",
    "samples_available": "bool",
    "sample_price": "money",
    "sample_lead_time_days": "int",
    "sample_max_quantity": "int",
}
VENDOR_COLUMNS = [
    "nib",
    *[f"{s}_{c}" for s in VENDOR_TEXT for c in ("en", "id")],
    *VENDOR_PLAIN,
    "certifications",
]
PRODUCT_COLUMNS = [
    "vendor_nib",
    "sku",
    *[f"{s}_{c}" for s in PRODUCT_TEXT for c in ("en", "id")],
    "category",
    *PRODUCT_PLAIN,
    "price_tiers",
    "certifications",
]
REQUIRED = {VENDORS: ["nib"], PRODUCTS: ["vendor_nib", "sku"]}
TRUE_WORDS = {"1", "true", "yes", "y", "ya", "x"}
FALSE_WORDS = {"", "0", "false", "no", "n", "tidak"}


class RowError(Exception):
    """A row that cannot be imported; the message is shown to the person importing."""


class ImportFileError(Exception):
    """The file itself cannot be read (missing sheet, unknown format)."""


@dataclass
class SheetResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # (line, reason)


@dataclass
class ImportReport:
    sheets: dict = field(default_factory=lambda: {VENDORS: SheetResult(), PRODUCTS: SheetResult()})
    dry_run: bool = False

    @property
    def rejected(self):
        return [
            (sheet, line, reason) for sheet, result in self.sheets.items() for line, reason in result.rejected
        ]


# --- Reading files ------------------------------------------------------------------------------------


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(header, records, first_line):
    columns = [_cell(name).lower() for name in header]
    rows = []
    for line, record in enumerate(records, start=first_line):
        values = [_cell(v) for v in record]
        if not any(values):
            continue
        rows.append((line, {col: val for col, val in zip(columns, values, strict=False) if col}))
    return rows


def _read_xlsx(path):
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheets = {}
    try:
        names = {name.strip().lower(): name for name in book.sheetnames}
        for sheet in (VENDORS, PRODUCTS):
            if sheet not in names:
                continue
            records = book[names[sheet]].iter_rows(values_only=True)
            header = next(records, None) or ()
            sheets[sheet] = _rows(header, list(records), first_line=2)
    finally:
        book.close()
    if not sheets:
        raise ImportFileError(_("%(file)s has neither a “vendors” nor a “products” sheet.") % {"file": path})
    return sheets


def _read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None) or []
        return _rows(header, list(reader), first_line=2)


def _csv_sheet(path):
    stem = path.stem.lower()
    for sheet in (VENDORS, PRODUCTS):
        if stem.startswith(sheet):
            return sheet
    raise ImportFileError(
        _("Name CSV files vendors….csv and products….csv so it is clear which is which: %(file)s")
        % {"file": path}
    )


def read_sheets(paths):
    """{sheet: [(line, {column: text})]} from one XLSX, a directory of CSVs, or CSV files."""
    sheets = {VENDORS: [], PRODUCTS: []}
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv"))
        elif not path.exists():
            raise ImportFileError(_("No such file: %(file)s") % {"file": path})
        else:
            files.append(path)
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            for sheet, rows in _read_xlsx(path).items():
                sheets[sheet].extend(rows)
        elif suffix == ".csv":
            sheets[_csv_sheet(path)].extend(_read_csv(path))
        else:
            raise ImportFileError(_("Give an .xlsx file or .csv files: %(file)s") % {"file": path})
    return sheets


# --- Values -------------------------------------------------------------------------------------------


def _paragraphs(text):
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _rich(paragraphs):
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def _parse(column, kind, text):
    if kind == "text":
        return text
    if kind == "choice":
        return text.lower().replace(" ", "-") if text else ""
    if kind == "upper":
        return text.upper()
    if kind == "int":
        if text == "":
            return None
        try:
            return int(Decimal(text)) if Decimal(text) == int(Decimal(text)) else _not_whole(column, text)
        except InvalidOperation:
            return _not_whole(column, text)
    if kind == "bool":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise RowError(_("%(column)s: write yes or no, not “%(value)s”.") % {"column": column, "value": text})
    if kind == "money":
        return _money(column, text) if text else None
    raise ValueError(kind)


def _not_whole(column, text):
    raise RowError(_("%(column)s: “%(value)s” is not a whole number.") % {"column": column, "value": text})


def _money(column, text):
    try:
        amount = Decimal(text.replace(",", "").removeprefix("$"))
    except InvalidOperation:
        raise RowError(
            _("%(column)s: “%(value)s” is not an amount such as 12.50.") % {"column": column, "value": text}
        ) from None
    return to_minor_units(amount)


def parse_price_tiers(text):
    """“100:4.50; 500:3.80” → [(100, 450), (500, 380)] (quantity from: USD unit price)."""
    tiers = []
    for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text))):
        quantity, sep, price = part.partition(":")
        if not sep:
            raise RowError(
                _(
                    "price_tiers: write each tier as quantity:price, e.g. 100:4.50; 500:3.80 "
                    "(got “%(value)s”)."
                )
                % {"value": part}
            )
        tiers.append((_parse("price_tiers", "int", quantity.strip()), _money("price_tiers", price.strip())))
    return tiers


def parse_certifications(text, types):
    """`halal=ID35110000123456@2027-12-31; p-irt=…` → [(type, number, valid until or None)].

    Each number is checked for its type's kind (catalog.certificates), as in the admin form."""
    found = []
    for item in filter(None, (part.strip() for part in (text or "").split(";"))):
        slug, sep, rest = item.partition("=")
        number, _at, until = rest.partition("@")
        slug, number, until = slug.strip().lower(), " ".join(number.split()), until.strip()
        if not sep or not number:
            raise RowError(
                _("certifications: write each as type=number@valid-until, e.g. %(example)s (not “%(item)s”).")
                % {"example": "halal=ID35110000123456@2027-12-31", "item": item}
            )
        cert_type = types.get(slug)
        if cert_type is None:
            raise RowError(
                _("certifications: unknown type “%(slug)s”; use one of: %(slugs)s.")
                % {"slug": slug, "slugs": ", ".join(sorted(types))}
            )
        try:
            validate_number(cert_type.kind, number)
        except ValidationError as error:
            raise RowError(
                _("certifications: %(slug)s “%(number)s”: %(message)s")
                % {"slug": slug, "number": number, "message": " ".join(error.messages)}
            ) from error
        valid_until = None
        if until:
            try:
                valid_until = date.fromisoformat(until)
            except ValueError as error:
                raise RowError(
                    _("certifications: %(slug)s: “%(value)s” is not a date like 2027-12-31.")
                    % {"slug": slug, "value": until}
                ) from error
        found.append((cert_type, number, valid_until))
    return found


def certificate_rows(model, current, parsed):
    """The rows for `parsed`, keeping a row that has the same type and number (its scan and the
    curators' check stay), or None when nothing changes."""
    if [(c.certification_type_id, c.number, c.valid_until) for c in current] == [
        (t.pk, number, until) for t, number, until in parsed
    ]:
        return None
    kept = {(c.certification_type_id, c.number): c for c in current}
    rows = []
    for order, (cert_type, number, valid_until) in enumerate(parsed):
        row = kept.pop((cert_type.pk, number), None) or model(certification_type=cert_type, number=number)
        row.sort_order, row.valid_until = order, valid_until
        rows.append(row)
    return rows


def _pairs(strings, english, indonesian):
    """english → indonesian as segment text (HTML: “&” is “&amp;”), also under the raw English key."""
    target = html.escape(indonesian, quote=False)
    strings[english] = target
    strings[html.escape(english, quote=False)] = target


def describe(error):
    """A ValidationError as one line: “field: message; field: message”."""
    if hasattr(error, "error_dict"):
        parts = []
        for name, errors in error.error_dict.items():
            messages = " ".join(str(m) for e in errors for m in e.messages)
            parts.append(messages if name == "__all__" else f"{name}: {messages}")
        return "; ".join(parts)
    return " ".join(str(m) for m in error.messages)


# --- Indexing -----------------------------------------------------------------------------------------


@contextmanager
def deferred_indexing():
    """Search and reference indexing once per saved object at the end, not after each of its saves.

    A page is saved several times while it is created, published and copied into every locale,
    and each save queues a search-index and a reference-index update; collecting the objects and
    indexing each once (see `reindex`) makes a large import several times faster.
    Yields the set of (model, pk) saved meanwhile.
    """
    models = [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    saved = set()

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and sender in models:
            saved.add((sender, instance.pk))

    for model in models:
        post_save.disconnect(search_post_save, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="catalog-import-remember")
    try:
        with disable_reference_index_auto_update():
            yield saved
    finally:
        post_save.disconnect(dispatch_uid="catalog-import-remember")
        for model in models:
            post_save.connect(search_post_save, sender=model)


def reindex(saved):
    by_model = defaultdict(set)
    for model, pk in saved:
        by_model[model].add(pk)
    for model, pks in by_model.items():
        for instance in model.objects.filter(pk__in=pks):
            search_index.insert_or_update_object(instance)
            if ReferenceIndex.is_indexed(model):
                ReferenceIndex.create_or_update_for_object(instance)


# --- Import -------------------------------------------------------------------------------------------


class CatalogImporter:
    def __init__(self, *, dry_run=False, progress=None, progress_every=100):
        self.report = ImportReport(dry_run=dry_run)
        self.progress = progress
        self.progress_every = progress_every

    def run(self, sheets):
        self.default_locale = Locale.get_default()
        self.id_locale = Locale.objects.get(language_code=INDONESIAN)
        self.makers = {
            locale.pk: VendorIndexPage.objects.filter(locale=locale).first()
            for locale in (self.default_locale, self.id_locale)
        }
        if self.makers[self.default_locale.pk] is None:
            raise ImportFileError(_("The site has no makers section yet; run migrate and seed_demo first."))
        self.categories = {
            (c.slug, c.locale_id): c
            for c in Category.objects.filter(locale__in=[self.default_locale, self.id_locale])
        }
        types = CertificationType.objects.filter(locale=self.default_locale)
        self.certification_types = {t.slug: t for t in types}
        with transaction.atomic(), deferred_indexing() as saved:
            self._load_vendors()
            self._sheet(VENDORS, sheets.get(VENDORS, []), self._vendor_row)
            self._load_products()
            self._sheet(PRODUCTS, sheets.get(PRODUCTS, []), self._product_row)
            if self.report.dry_run:
                transaction.set_rollback(True)
            else:
                reindex(saved)
        return self.report

    def _sheet(self, sheet, rows, handle):
        result = self.report.sheets[sheet]
        seen = {}
        for number, (line, row) in enumerate(rows, start=1):
            try:
                missing = [c for c in REQUIRED[sheet] if not row.get(c)]
                if missing:
                    raise RowError(
                        _("%(columns)s: this column is required.") % {"columns": ", ".join(missing)}
                    )
                key = tuple(row[c] for c in REQUIRED[sheet])
                if key in seen:
                    raise RowError(
                        _("the same key (%(key)s) is already on line %(line)s of this sheet.")
                        % {"key": " + ".join(key), "line": seen[key]}
                    )
                seen[key] = line
                with transaction.atomic():
                    outcome = handle(row)
            except RowError as error:
                result.rejected.append((line, str(error)))
            except ValidationError as error:
                result.rejected.append((line, describe(error)))
            else:
                setattr(result, outcome, getattr(result, outcome) + 1)
            if self.progress and (number % self.progress_every == 0 or number == len(rows)):
                self.progress(sheet, number, len(rows))

    # --- Shared helpers ---------------------------------------------------------------------------

    def _texts(self, row, spec):
        """({field: english}, {field: indonesian}) for the text columns the row fills."""
        english, indonesian = {}, {}
        for stem, (name, rich) in spec.items():
            for suffix, target in (("en", english), ("id", indonesian)):
                value = row.get(f"{stem}_{suffix}", "")
                if value:
                    target[name] = _paragraphs(value) if rich else " ".join(value.split())
        if not english.get("title") and not indonesian.get("title"):
            raise RowError(_("name_en or name_id: give the name in English, Indonesian or both."))
        if english and not english.get("title"):
            raise RowError(_("name_en: give the English name with the other English text."))
        if english.get("title") and indonesian:
            # A translation needs a source: each Indonesian text needs its English text.
            for name, value in indonesian.items():
                source = english.get(name)
                if source is None:
                    column = next(f"{s}_en" for s, (n, _r) in spec.items() if n == name)
                    raise RowError(
                        _("%(column)s: give the English text too, or leave out every English column.")
                        % {"column": column}
                    )
                if isinstance(value, list) and len(value) != len(source):
                    raise RowError(
                        _("%(field)s: the English and Indonesian texts need the same number of paragraphs.")
                        % {"field": name}
                    )
        return english, indonesian

    @staticmethod
    def _field_values(texts, spec):
        rich = {name for name, is_rich in spec.values() if is_rich}
        return {name: (_rich(value) if name in rich else value) for name, value in texts.items()}

    @staticmethod
    def _plain(row, spec, model):
        """Typed values of the plain columns the sheet has; an empty cell means the field's default."""
        values = {}
        for name, kind in spec.items():
            if name not in row:
                continue
            text = row[name]
            values[name] = _parse(name, kind, text) if text else model._meta.get_field(name).get_default()
        return values

    @staticmethod
    def _differs(page, values):
        return any(getattr(page, name) != value for name, value in values.items())

    def _certificates(self, row):
        return parse_certifications(row.get("certifications", ""), self.certification_types)

    @staticmethod
    def _changed_certificates(page, model, row, parsed):
        """New rows for the page's certificates, or None: unchanged, or no such column in the sheet."""
        if "certifications" not in row:
            return None
        return certificate_rows(model, list(page.certifications.all()), parsed)

    def _slug(self, parent, title, suffix):
        base = slugify(title)[:200] or "page"
        siblings = parent.get_children()
        if not siblings.filter(slug=base).exists():
            return base
        return f"{base}-{slugify(suffix)}"[:255]

    def _create(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        create_locale_copies(page)
        return type(page).objects.get(pk=page.pk)

    @staticmethod
    def _publish(page):
        page.save_revision().publish()

    def _translate(self, page, english, indonesian, spec):
        """Make or refresh the Indonesian translation of `page`; True if anything changed."""
        existing = page.get_translation_or_none(self.id_locale)
        target = self._field_values(indonesian, spec)
        if existing is not None and existing.alias_of_id is None:
            if not self._differs(existing.specific, target):
                return False
        strings = {}
        for name, value in indonesian.items():
            source = english[name]
            if isinstance(value, list):
                for en, id_ in zip(source, value, strict=True):
                    _pairs(strings, en, id_)
            else:
                _pairs(strings, source, value)
        translate(page, self.id_locale, strings)
        return True

    def _source_page(self, pages):
        """Among the non-alias pages of one translation set, the English one if there is one."""
        for page in pages:
            if page.locale_id == self.default_locale.pk:
                return page
        return pages[0] if pages else None

    # --- Makers -------------------------------------------------------------------------------------

    def _load_vendors(self):
        by_nib = defaultdict(lambda: defaultdict(list))
        for page in VendorPage.objects.filter(alias_of__isnull=True).exclude(nib=""):
            by_nib[page.nib][page.translation_key].append(page)
        self.vendors = dict(by_nib)

    def _find_vendor(self, nib):
        groups = self.vendors.get(nib)
        if not groups:
            return None
        if len(groups) > 1:
            raise RowError(
                _("%(count)s makers on the site have NIB %(nib)s; fix them in the admin first.")
                % {"count": len(groups), "nib": nib}
            )
        return self._source_page(next(iter(groups.values())))

    def _vendor_row(self, row):
        nib = row["nib"]
        english, indonesian = self._texts(row, VENDOR_TEXT)
        plain = self._plain(row, VENDOR_PLAIN, VendorPage)
        plain["nib"] = nib
        locale = self.default_locale if english else self.id_locale
        values = {**plain, **self._field_values(english or indonesian, VENDOR_TEXT)}
        certificates = self._certificates(row)
        existing = self._find_vendor(nib)

        if existing is None:
            parent = self.makers[locale.pk]
            if parent is None:
                raise RowError(_("The site has no Indonesian makers section."))
            page = VendorPage(locale=locale, slug=self._slug(parent, values["title"], nib), **values)
            if certificates:
                page.certifications = certificate_rows(VendorCertification, [], certificates)
            page = self._create(parent, page)
            if english and indonesian:
                self._translate(page, english, indonesian, VENDOR_TEXT)
            self.vendors[nib] = {page.translation_key: [page]}
            return "created"

        if existing.locale_id != locale.pk:
            raise RowError(self._other_language_message(existing))
        rows = self._changed_certificates(existing, VendorCertification, row, certificates)
        changed = self._differs(existing, values) or rows is not None
        if changed:
            for name, value in values.items():
                setattr(existing, name, value)
            if rows is not None:
                existing.certifications = rows
            self._publish(existing)
        if english and indonesian:
            changed |= self._translate(existing, english, indonesian, VENDOR_TEXT)
        return "updated" if changed else "unchanged"

    def _other_language_message(self, existing):
        if existing.locale_id == self.default_locale.pk:
            return _("this is already on the site in English; give its English text (name_en …) as well.")
        return _(
            "this is on the site in Indonesian only; add its English version in the admin (Translate), "
            "or import it with Indonesian text only."
        )

    # --- Products -----------------------------------------------------------------------------------

    def _load_products(self):
        vendor_keys = {}
        for groups in self.vendors.values():
            for key in groups:
                vendor_keys[key] = True
        self.products = defaultdict(list)
        for page in (
            ProductPage.objects.filter(alias_of__isnull=True, vendor__isnull=False)
            .exclude(sku="")
            .select_related("vendor")
            .prefetch_related("price_tiers")
        ):
            self.products[(page.vendor.translation_key, page.sku)].append(page)

    def _vendor_page_in(self, vendor, locale):
        """The maker's page in `locale`: its translation, or an alias copy made now."""
        if vendor.locale_id == locale.pk:
            return vendor
        page = vendor.get_translation_or_none(locale)
        if page is None:
            # An alias shows the maker's own-language text, marked as such, until someone translates it.
            page = vendor.copy_for_translation(locale, copy_parents=True, alias=True)
        return page.specific

    def _category(self, slug, locale):
        if not slug:
            return None
        category = self.categories.get((slug, locale.pk)) or self.categories.get(
            (slug, self.default_locale.pk)
        )
        if category is None:
            raise RowError(_("category: there is no category “%(slug)s”.") % {"slug": slug})
        return category

    def _product_row(self, row):
        nib, sku = row["vendor_nib"], row["sku"]
        vendor = self._find_vendor(nib)
        if vendor is None:
            raise RowError(
                _("vendor_nib: no maker with NIB %(nib)s on the site or in this file.") % {"nib": nib}
            )
        english, indonesian = self._texts(row, PRODUCT_TEXT)
        locale = self.default_locale if english else self.id_locale
        plain = self._plain(row, PRODUCT_PLAIN, ProductPage)
        plain["sku"] = sku
        if "category" in row:
            category = self._category(row["category"], locale)
            plain["category_id"] = category.pk if category else None
        tiers = parse_price_tiers(row.get("price_tiers", ""))
        if not tiers:
            raise RowError(_("price_tiers: give at least one tier, e.g. 100:4.50."))
        values = {**plain, **self._field_values(english or indonesian, PRODUCT_TEXT)}
        certificates = self._certificates(row)

        pages = self.products.get((vendor.translation_key, sku))
        existing = self._source_page(pages) if pages else None
        if existing is None:
            parent = self._vendor_page_in(vendor, locale)
            page = ProductPage(locale=locale, slug=self._slug(parent, values["title"], sku), **values)
            page.price_tiers = [
                ProductPriceTier(sort_order=order, min_quantity=q, unit_price=p)
                for order, (q, p) in enumerate(tiers)
            ]
            if certificates:
                page.certifications = certificate_rows(ProductCertification, [], certificates)
            page = self._create(parent, page)
            if english and indonesian:
                self._translate(page, english, indonesian, PRODUCT_TEXT)
            self.products[(vendor.translation_key, sku)] = [page]
            return "created"

        if existing.locale_id != locale.pk:
            raise RowError(self._other_language_message(existing))
        current_tiers = [(t.min_quantity, t.unit_price) for t in existing.price_tiers.all()]
        rows = self._changed_certificates(existing, ProductCertification, row, certificates)
        changed = self._differs(existing, values) or current_tiers != tiers or rows is not None
        if changed:
            if rows is not None:
                existing.certifications = rows
            for name, value in values.items():
                setattr(existing, name, value)
            if current_tiers != tiers:
                existing.price_tiers = [
                    ProductPriceTier(sort_order=order, min_quantity=q, unit_price=p)
                    for order, (q, p) in enumerate(tiers)
                ]
            self._publish(existing)
        if english and indonesian:
            changed |= self._translate(existing, english, indonesian, PRODUCT_TEXT)
        return "updated" if changed else "unchanged"


def import_catalog(paths, *, dry_run=False, progress=None, progress_every=100):
    return CatalogImporter(dry_run=dry_run, progress=progress, progress_every=progress_every).run(
        read_sheets(paths)
    )

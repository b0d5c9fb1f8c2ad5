"""The catalogue: makers (VendorPage), their products (ProductPage), and the snippets they share."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PagePermissionTester, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from storefront.pages import ChoiceLabelsMixin, TranslationStatusMixin, route_to_child
from storefront.search import CharacterTermsMixin

from . import places
from .certificates import CertificateKind, validate_number, validate_trademark_number, verify_url
from .fields import MinorUnitsField, from_minor_units
from .forms import OwnMediaPageForm
from .panels import CertificatesPanel
from .validators import validate_hs_code, validate_nib, validate_price_tiers, validate_whatsapp


class District(models.TextChoices):
    BLIMBING = "blimbing", "Blimbing"
    KEDUNGKANDANG = "kedungkandang", "Kedungkandang"
    KLOJEN = "klojen", "Klojen"
    LOWOKWARU = "lowokwaru", "Lowokwaru"
    SUKUN = "sukun", "Sukun"


class Sector(models.TextChoices):
    CRAFTS = "crafts", _("Crafts")
    FASHION = "fashion", _("Fashion and textiles")
    PROCESSED_FOOD = "processed-food", _("Processed food and drinks")
    FURNITURE = "furniture", _("Furniture and home")
    SPORTS = "sports", _("Sports goods")
    SERVICES = "services", _("Creative services")


class BusinessType(models.TextChoices):
    PRODUCER = "producer", _("Producer")
    ARTISAN = "artisan", _("Artisan workshop")
    TRADER = "trader", _("Trader")


class Unit(models.TextChoices):
    PIECES = "pieces", _("pieces")
    SETS = "sets", _("sets")
    PAIRS = "pairs", _("pairs")
    JARS = "jars", _("jars")
    POUCHES = "pouches", _("pouches")
    BAGS = "bags", _("bags")
    TINS = "tins", _("tins")
    TUBES = "tubes", _("tubes")
    KG = "kg", _("kg")
    CONTAINERS = "containers", _("20' containers")


class Incoterm(models.TextChoices):
    EXW = "EXW", _("EXW — Ex Works")
    FCA = "FCA", _("FCA — Free Carrier")
    FOB = "FOB", _("FOB — Free On Board")
    CIF = "CIF", _("CIF — Cost, Insurance and Freight")
    DAP = "DAP", _("DAP — Delivered At Place")


class Currency(models.TextChoices):
    USD = "USD", "USD"


# --- Snippets -----------------------------------------------------------------------------------


class Category(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sector"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class CertificationType(TranslatableMixin, index.Indexed, models.Model):
    """A kind of compliance document: NIB, P-IRT, BPOM MD, Halal, SNI, DJKI trademark …"""

    name = models.CharField(_("name"), max_length=80)
    short_name = models.CharField(_("short name"), max_length=20, help_text=_("e.g. P-IRT, Halal, BPOM MD"))
    slug = models.SlugField(_("slug"), max_length=40)
    issuer = models.CharField(_("issued by"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind of document"),
        max_length=20,
        choices=CertificateKind.choices,
        default=CertificateKind.OTHER,
        help_text=_("Decides how its numbers are checked and where buyers can verify them."),
    )
    verify_url = models.URLField(
        _("where buyers can verify it"),
        blank=True,
        help_text=_("Only for the kind “Other”: the known kinds link their issuer's own search."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("issuer"),
        FieldPanel("description"),
        FieldPanel("verify_url"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("short_name"),
        SynchronizedField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certification type")
        verbose_name_plural = _("certification types")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_certtype_slug_per_locale")
        ]

    def __str__(self):
        return self.short_name or self.name

    @property
    def how_to_verify_url(self):
        """The issuer's public search for this kind (catalog.certificates), else the curators' own link."""
        return verify_url(self.kind) or self.verify_url


# --- Makers ---------------------------------------------------------------------------------------


# The names of the certificates a maker or product lists ("Halal certificate", "Halal", "P-IRT").
CERTIFICATE_SEARCH_FIELDS = index.RelatedFields(
    "certifications",
    [index.RelatedFields("certification_type", [index.SearchField("name"), index.SearchField("short_name")])],
)


class CopiedByCuratorsPermissionTester(PagePermissionTester):
    """Wagtail offers "Copy" to whoever may edit a page; in a maker's section copying is the curators'
    (a maker's copy always failed, issue #23), so a maker, who may not publish, is not offered it."""

    def can_copy(self):
        return super().can_copy() and self.can_publish()


class CopiedByCuratorsMixin:
    def permissions_for_user(self, user):
        return CopiedByCuratorsPermissionTester(user, self)


class VendorIndexPage(TranslationStatusMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalog.VendorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("makers index")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        makers = VendorPage.objects.select_related("locale", "logo", "cover_image", "alias_of__locale")
        return route_to_child(self, request, path_components, makers)

    def get_context(self, request, *args, **kwargs):
        from .queries import vendor_cards

        context = super().get_context(request, *args, **kwargs)
        context["vendors"] = vendor_cards(self.locale).child_of(self)
        return context


class VendorPage(CopiedByCuratorsMixin, TranslationStatusMixin, ChoiceLabelsMixin, CharacterTermsMixin, Page):
    """An SME's profile. The vendor's own subtree: its products live below it."""

    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    legal_name = models.CharField(
        _("legal name"), max_length=160, help_text=_("As on the NIB, e.g. CV Kabut Porselen")
    )
    nib = models.CharField(
        _("NIB"),
        max_length=13,
        blank=True,
        validators=[validate_nib],
        help_text=_("Nomor Induk Berusaha from OSS: 13 digits."),
    )
    business_type = models.CharField(
        _("business type"), max_length=20, choices=BusinessType.choices, default=BusinessType.PRODUCER
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    district = models.CharField(_("district (kecamatan)"), max_length=20, choices=District.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    team_size = models.PositiveIntegerField(_("team size"), null=True, blank=True)
    export_markets = models.CharField(
        _("export markets"),
        max_length=255,
        blank=True,
        help_text=_("Countries already sold to, comma-separated."),
    )
    languages_spoken = models.CharField(_("languages spoken"), max_length=120, blank=True)
    response_time_hours = models.PositiveSmallIntegerField(
        _("typical reply time (hours)"), null=True, blank=True
    )
    # Measured, not declared: the median hours from an inquiry to the maker's first reply, set by the
    # inquiries app when a reply is sent, and empty until there are at least 3 replies.
    reply_median_hours = models.PositiveIntegerField(
        _("median reply time (hours)"), null=True, blank=True, editable=False
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story = RichTextField(_("story"), blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"])
    contact_email = models.EmailField(
        _("private contact e-mail"), blank=True, help_text=_("Never shown publicly.")
    )
    whatsapp = models.CharField(
        _("private WhatsApp number"),
        max_length=20,
        blank=True,
        validators=[validate_whatsapp],
        help_text=_("Never shown publicly; inquiries reach you through the site."),
    )
    image_collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("image collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_on = models.DateField(_("documents verified on"), null=True, blank=True)
    is_demo = models.BooleanField(
        _("demo vendor"), default=False, help_text=_("Fictional shop from the demo data.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldRowPanel([FieldPanel("nib"), FieldPanel("business_type")]),
                FieldRowPanel([FieldPanel("district"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("year_founded"), FieldPanel("team_size")]),
                FieldPanel("export_markets"),
                FieldPanel("languages_spoken"),
                FieldPanel("response_time_hours"),
            ],
            heading=_("Business"),
        ),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("cover_image")], heading=_("Images")),
        FieldPanel("story"),
        CertificatesPanel("certifications", label=_("Certifications"), heading=_("Certifications")),
        InlinePanel("trademarks", label=_("Trademarks (DJKI)"), heading=_("Trademarks (DJKI)")),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("whatsapp")], heading=_("Private contact")),
    ]
    curator_panels = [
        FieldPanel("verified_on", permission="catalog.verify_vendor"),
        FieldPanel("is_demo", permission="catalog.verify_vendor"),
        FieldPanel("image_collection", permission="catalog.verify_vendor"),
    ]
    base_form_class = OwnMediaPageForm  # logo and cover from the maker's own images
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(curator_panels, heading=_("Curator"), permission="catalog.verify_vendor"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("story"),
        index.SearchField("character_terms"),  # Chinese and Japanese text, by character
        index.AutocompleteField("tagline"),
        index.AutocompleteField("character_terms"),
        CERTIFICATE_SEARCH_FIELDS,  # "halal" finds the makers that hold a Halal certificate
        index.FilterField("district"),
        index.FilterField("sector"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("legal_name"),
        SynchronizedField("nib"),
        SynchronizedField("whatsapp"),
        SynchronizedField("export_markets"),
    ]

    parent_page_types = ["catalog.VendorIndexPage"]
    subpage_types = ["catalog.ProductPage"]

    class Meta:
        verbose_name = _("maker")
        verbose_name_plural = _("makers")
        permissions = [("verify_vendor", _("Can verify makers' documents and mark demo data"))]

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        products = ProductPage.objects.select_related("locale", "category", "alias_of__locale")
        result = route_to_child(self, request, path_components, products)
        if result.page.vendor_id == self.pk:
            result.page.vendor = self  # the maker, read on the way (with its locale and logo)
        return result

    def get_context(self, request, *args, **kwargs):
        from .cards import product_cards
        from .queries import listed_products

        context = super().get_context(request, *args, **kwargs)
        context["products"] = product_cards(listed_products(self.locale).child_of(self), request)
        context["certifications"] = self.certifications.select_related("certification_type")
        return context

    @property
    def export_market_list(self):
        return [m.strip() for m in self.export_markets.split(",") if m.strip()]

    @property
    def district_in_city(self):
        """The maker's district in the city, in the buyer's language (catalog.places)."""
        return places.district_in_city(self)

    @property
    def origin(self):
        """Where the maker works, in the buyer's language (catalog.places)."""
        return places.origin(self)

    def with_content_json(self, content):
        # The measured reply time is not page content: publishing an older revision keeps today's.
        page = super().with_content_json(content)
        page.reply_median_hours = self.reply_median_hours
        return page


class Certificate(Orderable):
    """A compliance document a maker lists: its number (checked for its kind), its expiry, a scan
    of it that only the maker and curators can open, and the date a curator checked that scan.

    The scan is a Wagtail document in the maker's private collection (`catalog.onboarding`:
    viewable only by the maker's group and the curators). `verified_on` is set by curators only
    (`CertificateForm`) and is cleared when the number or the scan changes.
    """

    certification_type = models.ForeignKey(
        CertificationType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("number"), max_length=60)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty if it does not expire.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("scan of the certificate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF or photo of the certificate; only you and the trade office can open it."),
    )
    verified_on = models.DateField(
        _("verified by the trade office on"),
        null=True,
        blank=True,
        help_text=_("Set after checking the scan against the issuer's register."),
    )
    # The expiry date the maker was last warned about (notify_expiring_certificates): one e-mail
    # per expiry date, and a renewed certificate (a new date) is warned about again.
    expiry_notice_for = models.DateField(null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("certification_type"), FieldPanel("number"), FieldPanel("valid_until")]),
        FieldPanel("document"),
        FieldPanel("verified_on", permission="catalog.verify_vendor"),
    ]
    # Numbers, dates and scans are the same document in every language: never a translation segment.
    override_translatable_fields = [SynchronizedField("number")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.certification_type_id and self.number:
            try:
                validate_number(self.certification_type.kind, self.number)
            except ValidationError as error:
                raise ValidationError({"number": error.messages}) from error

    @property
    def is_valid(self):
        return self.valid_until is None or self.valid_until >= timezone.localdate()

    @property
    def is_verified(self):
        """Checked by the trade office and not expired since: what the public page marks."""
        return self.verified_on is not None and self.is_valid


class VendorCertification(Certificate):
    vendor = ParentalKey(VendorPage, on_delete=models.CASCADE, related_name="certifications")


class VendorTrademark(Orderable):
    vendor = ParentalKey(VendorPage, on_delete=models.CASCADE, related_name="trademarks")
    mark = models.CharField(_("mark"), max_length=80)
    registration_number = models.CharField(
        _("DJKI registration number"),
        max_length=40,
        validators=[validate_trademark_number],
        help_text=_("e.g. IDM000123456"),
    )
    nice_class = models.PositiveSmallIntegerField(
        _("Nice class"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(45)]
    )

    panels = [
        FieldRowPanel([FieldPanel("mark"), FieldPanel("registration_number"), FieldPanel("nice_class")])
    ]


# --- Products -------------------------------------------------------------------------------------


class ProductPageForm(OwnMediaPageForm):
    """Puts price-tier mistakes next to the row that has them."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("price_tiers")
        if formset is not None and self._tiers_left_out(formset):
            # modelcluster keeps a saved row that the form does not send back, beside the rows it
            # does: a form missing some would save a table nobody saw (two tiers at 100 units).
            self.add_error(
                None,
                _(
                    "The price tiers have changed since this page was opened. "
                    "Open the page again and make your changes there."
                ),
            )
        elif formset is not None:
            rows = [
                form
                for form in formset.forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            rows.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
            tiers = [(f.cleaned_data.get("min_quantity"), f.cleaned_data.get("unit_price")) for f in rows]
            for index, field, message in validate_price_tiers(tiers):
                rows[index].add_error(field, message)
                self.add_error(None, message)
        return cleaned

    @staticmethod
    def _tiers_left_out(formset):
        """Whether saved tiers of this product are missing from the form that was sent."""
        if formset.instance.pk is None:
            return False
        sent = {form.instance.pk for form in formset.initial_forms}
        return any(tier.pk is not None and tier.pk not in sent for tier in formset.get_queryset())


class ProductIndexPage(TranslationStatusMixin, Page):
    """The catalogue: every live product of this locale, paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_size = 24
    # What changes this page's HTML, the fields of CatalogueFilters and the page number: the page
    # cache keys on these and serves the page nothing else.
    query_parameters = (
        *("q", "category", "certification", "district", "sector", "vendor", "samples"),
        *("moq_max", "price_min", "price_max", "sort", "page"),
    )

    class Meta:
        verbose_name = _("product catalogue")

    def get_context(self, request, *args, **kwargs):
        from .cards import product_cards_for
        from .filters import (
            PAGE_FIELD_SORTS,
            SORTS,
            CatalogueFilters,
            CountedPaginator,
            applied_filters,
            catalogue_summary,
            filter_options,
        )
        from .queries import listed_products, product_ids_by_page_fields

        context = super().get_context(request, *args, **kwargs)
        filters = CatalogueFilters.from_query(request.GET)
        products = listed_products(self.locale)
        summary = catalogue_summary(filters, products, self.locale)
        ids = None
        if not filters.active and filters.sort in PAGE_FIELD_SORTS:
            # Unfiltered and sorted by page columns: each page's rows are picked from wagtailcore_page alone.
            ids = product_ids_by_page_fields(self.locale).order_by(*SORTS[filters.sort][1])
        listing = filters.apply(products, self.locale)
        paginator = CountedPaginator(listing, self.page_size, summary["count"], ids=ids)
        page_obj = paginator.get_page(request.GET.get("page"))
        facets = filter_options(filters, summary["facets"], self.locale)
        context.update(
            filters=filters,
            facets=facets,
            applied_filters=applied_filters(filters, facets, self.locale),
            clear_filters_query=CatalogueFilters(sort=filters.sort).to_query(),
            sorts=[(key, label) for key, (label, _order) in SORTS.items()],
            page_obj=page_obj,
            products=product_cards_for(page_obj.object_list, request),
            price_min=from_minor_units(filters.price_min),
            price_max=from_minor_units(filters.price_max),
        )
        return context


class ProductPage(
    CopiedByCuratorsMixin, TranslationStatusMixin, ChoiceLabelsMixin, CharacterTermsMixin, Page
):
    vendor = models.ForeignKey(
        VendorPage,
        verbose_name=_("maker"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The maker page this product sits under, kept for fast listings."),
    )
    sku = models.CharField(_("SKU"), max_length=40, blank=True, help_text=_("Your own product code."))
    summary = models.CharField(_("summary"), max_length=300)
    description = RichTextField(
        _("description"), blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"]
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    materials = models.CharField(_("materials"), max_length=200, blank=True)
    dimensions = models.CharField(
        _("dimensions"), max_length=120, blank=True, help_text=_("e.g. 12 × 12 × 9 cm")
    )
    weight_grams = models.PositiveIntegerField(_("weight (grams)"), null=True, blank=True)
    hs_code = models.CharField(
        _("HS code"), max_length=13, validators=[validate_hs_code], help_text=_("Indicative, 6–10 digits.")
    )
    moq = models.PositiveIntegerField(
        _("minimum order quantity"),
        default=1,
        validators=[MinValueValidator(1, _("The minimum order quantity must be at least 1."))],
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.PIECES)
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=Incoterm.choices, default=Incoterm.FOB)
    incoterm_place = models.CharField(_("named place"), max_length=80, default="Tanjung Perak, Surabaya")
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"), validators=[MinValueValidator(1)]
    )
    monthly_capacity = models.PositiveIntegerField(_("monthly capacity"), null=True, blank=True)
    oem_available = models.BooleanField(_("OEM / custom orders"), default=False)
    oem_notes = models.TextField(_("OEM / custom options"), blank=True)
    packaging_details = models.TextField(_("packaging"), blank=True)
    shelf_life_months = models.PositiveSmallIntegerField(_("shelf life (months)"), null=True, blank=True)
    price_from = MinorUnitsField(_("lowest unit price"), null=True, blank=True, editable=False)

    samples_available = models.BooleanField(_("samples available"), default=False)
    sample_price = MinorUnitsField(_("sample price (USD)"), null=True, blank=True)
    sample_lead_time_days = models.PositiveSmallIntegerField(
        _("sample lead time (days)"), null=True, blank=True
    )
    sample_max_quantity = models.PositiveSmallIntegerField(
        _("most samples per order"), default=3, validators=[MinValueValidator(1)]
    )

    base_form_class = ProductPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("gallery_images", label=_("Photos"), heading=_("Gallery"), min_num=0),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("sku")]),
                FieldPanel("materials"),
                FieldRowPanel([FieldPanel("dimensions"), FieldPanel("weight_grams")]),
                FieldPanel("hs_code"),
                FieldPanel("packaging_details"),
                FieldPanel("shelf_life_months"),
            ],
            heading=_("Specification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("moq"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("incoterm"), FieldPanel("incoterm_place")]),
                FieldRowPanel([FieldPanel("lead_time_days"), FieldPanel("monthly_capacity")]),
                FieldPanel("oem_available"),
                FieldPanel("oem_notes"),
            ],
            heading=_("Ordering"),
        ),
        InlinePanel("price_tiers", label=_("Price tier"), heading=_("Price tiers (USD per unit)"), min_num=1),
        CertificatesPanel("certifications", label=_("Certification"), heading=_("Certifications")),
        MultiFieldPanel(
            [
                FieldPanel("samples_available"),
                FieldRowPanel([FieldPanel("sample_price"), FieldPanel("sample_max_quantity")]),
                FieldPanel("sample_lead_time_days"),
            ],
            heading=_("Samples"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("description"),
        index.SearchField("materials"),
        index.SearchField("character_terms"),  # Chinese and Japanese text, by character
        index.AutocompleteField("summary"),
        index.AutocompleteField("character_terms"),
        index.FilterField("locale_id"),
        index.FilterField("category_id"),
        index.FilterField("vendor_id"),
        index.FilterField("samples_available"),
        index.FilterField("moq"),
        index.FilterField("price_from"),
        index.RelatedFields("vendor", [index.SearchField("title")]),
        # The product's own certificates, as the catalogue's certification filter reads them: "halal"
        # finds the products certified halal (a maker's own certificates find the maker).
        CERTIFICATE_SEARCH_FIELDS,
        index.SearchField("hs_code_terms"),  # "6913" finds 6913.10
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sku"),
        SynchronizedField("hs_code"),
        SynchronizedField("dimensions"),
        SynchronizedField("incoterm_place"),
    ]

    parent_page_types = ["catalog.VendorPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        # The catalogue's "lowest price" and "smallest MOQ" sorts read these in order.
        indexes = [
            models.Index(fields=["price_from", "page_ptr"], name="catalog_product_price_idx"),
            models.Index(fields=["moq", "page_ptr"], name="catalog_product_moq_idx"),
        ]

    def clean(self):
        super().clean()
        tiers = [(t.min_quantity, t.unit_price) for t in self.price_tiers.all()]
        problems = validate_price_tiers(tiers)
        if problems:
            raise ValidationError({"__all__": [message for _index, _field, message in problems]})
        if self.samples_available and self.sample_price is None:
            raise ValidationError({"sample_price": _("Give a sample price when samples are available.")})

    def save(self, *args, **kwargs):
        parent = self.get_parent()
        if parent is not None and parent.specific_class is VendorPage:
            self.vendor_id = parent.id
        prices = [t.unit_price for t in self.price_tiers.all() if t.unit_price is not None]
        self.price_from = min(prices) if prices else None
        return super().save(*args, **kwargs)

    def hs_code_terms(self):
        """The HS code as a buyer may search for it: as written, its digits, and its heading (the
        first 4 digits) and subheading (6): "6913.10" is found by "6913.10", "691310" and "6913"."""
        digits = (self.hs_code or "").replace(".", "")
        if not digits:
            return ""
        return " ".join(dict.fromkeys([self.hs_code, digits, digits[:4], digits[:6]]))

    def get_context(self, request, *args, **kwargs):
        from .queries import maker_for_product_page

        context = super().get_context(request, *args, **kwargs)
        maker_for_product_page(self)  # the maker's card and the category, for the template and JSON-LD
        context["maker"] = self.maker
        context["gallery"] = self.gallery
        context["price_tiers"] = self.price_tiers.all()
        context["certifications"] = self.certifications.select_related("certification_type")
        return context

    @cached_property
    def gallery(self):
        """The photos in order, as the page shows them: `photo.image`, `photo.alt_text`, `photo.caption`.

        A saved page's are read as rows with the renditions its page shows
        (`catalog.cards.product_photos`), two queries and no model instance for each photo, image
        and rendition. A page being previewed has them in memory, perhaps not saved yet: those.
        """
        from .cards import product_photos
        from .renditions import PRODUCT_PAGE_SPECS

        if self.pk is None or "gallery_images" in getattr(self, "_cluster_related_objects", {}):
            return list(self.gallery_images.all())
        return product_photos(self.pk, PRODUCT_PAGE_SPECS)

    @cached_property
    def maker(self):
        """The maker whose subtree holds this product (kept in `vendor` when the page is saved)."""
        if self.vendor_id and self.vendor.locale_id == self.locale_id:
            return self.vendor
        parent = self.get_parent()  # an alias can still carry its source's `vendor`
        return parent.specific if parent is not None else None

    @cached_property
    def main_photo(self):
        """The first gallery photo (image and alt text): what social previews and structured data show."""
        return next(iter(self.gallery), None)

    @property
    def main_image(self):
        return self.main_photo.image if self.main_photo else None

    @property
    def price_from_amount(self):
        return from_minor_units(self.price_from)

    @property
    def sample_price_amount(self):
        return from_minor_units(self.sample_price)


class ProductGalleryImage(Orderable):
    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alt text"), max_length=200, help_text=_("What the photo shows, for people who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


class ProductPriceTier(Orderable):
    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="price_tiers")
    min_quantity = models.PositiveIntegerField(_("from quantity"), validators=[MinValueValidator(1)])
    unit_price = MinorUnitsField(_("unit price"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.USD)

    panels = [FieldRowPanel([FieldPanel("min_quantity"), FieldPanel("unit_price"), FieldPanel("currency")])]

    class Meta(Orderable.Meta):
        verbose_name = _("price tier")
        # Rows saved without a position (before importers numbered them) read from the smallest
        # quantity up, the order the page's clean() insists on, on every database.
        ordering = ["sort_order", "min_quantity"]

    @property
    def amount(self):
        return from_minor_units(self.unit_price)


class ProductCertification(Certificate):
    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="certifications")
    number = models.CharField(_("number"), max_length=60, blank=True)

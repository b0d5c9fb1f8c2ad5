"""Site-wide pages (home, standard content pages) and site settings."""

from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalog.queries import featured_products, featured_vendors
from catalog.renditions import HOME_PAGE_SPECS
from storefront.pages import TranslationStatusMixin
from storefront.renditions import prefetch_renditions

from .sites import cached_setting, forget_setting


class HomePage(TranslationStatusMixin, Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_intro = models.TextField(_("hero introduction"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        InlinePanel("featured_makers", label=_("Featured makers"), max_num=6),
        InlinePanel("featured_products", label=_("Featured products"), max_num=12),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=3),
        InlinePanel("featured_collections", label=_("Featured collections"), max_num=3),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_intro")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("hero_image")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's routing; a section passed through on the way to a page below it is not read
        as its specific type (its own fields are not needed)."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        section = self.get_children().filter(slug=path_components[0]).first()
        if section is None:
            raise Http404
        return section.specific_deferred.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template renders them: not when it shows its cached copy of them.
        context["sections"] = SimpleLazyObject(lambda: self.sections(request))
        return context

    def sections(self, request):
        """The page's listings: featured makers and products, and other apps' (stories, events)."""
        sections = {
            "featured_vendors": featured_vendors(self, renditions=False),
            "featured_products": featured_products(self, request=request),  # cards with their pictures
        }
        cards = [self, *sections["featured_vendors"]]
        for hook in hooks.get_hooks("home_page_context"):  # other apps' sections: stories, events
            more = hook(self)
            sections.update(more)
            cards += [row for rows in more.values() if isinstance(rows, list) for row in rows]
        prefetch_renditions(cards, HOME_PAGE_SPECS)  # every picture on the page, whatever its card: one query
        return sections

    @staticmethod
    def featured_lists():
        """Each featured list: its kind, its model and the field naming the page chosen."""
        return (
            ("makers", HomeFeaturedMaker, "vendor"),
            ("products", HomeFeaturedProduct, "product"),
            ("stories", HomeFeaturedStory, "story"),
            ("collections", HomeFeaturedCollection, "collection"),
        )

    @classmethod
    def keys_chosen_on_each(cls, kind):
        """{home page id: the translation_keys editors chose for the `kind` list}, for every home page
        at once (one query): what a purge asks of each locale's home page."""
        model, field = next((model, field) for name, model, field in cls.featured_lists() if name == kind)
        chosen = {}
        rows = model.objects.filter(**{f"{field}__isnull": False}).values_list(
            "page_id", f"{field}__translation_key"
        )
        for page_id, key in rows:
            chosen.setdefault(page_id, set()).add(key)
        return chosen

    @cached_property
    def chosen_keys(self):
        """translation_keys of the pages editors chose for each featured list, in their order.

        One query for the four lists. A home page copied into another locale keeps its source's
        choices, so listings match them to their own locale's copies by translation_key.
        """
        lists = self.featured_lists()
        chosen = {kind: [] for kind, _model, _field in lists}
        if getattr(self, "_cluster_related_objects", None):  # a preview: the choices are in memory
            for kind, _model, field in lists:
                rows = getattr(self, f"featured_{kind}").all()
                chosen[kind] = [getattr(row, field).translation_key for row in rows if getattr(row, field)]
            return chosen
        parts = [
            model.objects.filter(page_id=self.pk, **{f"{field}__isnull": False})
            .annotate(kind=models.Value(kind, output_field=models.CharField()))
            .values_list("kind", f"{field}__translation_key", "sort_order", "pk")
            .order_by()
            for kind, model, field in lists
        ]
        rows = parts[0].union(*parts[1:], all=True)
        for kind, key, _order, _pk in sorted(rows, key=lambda row: (row[2] is None, row[2] or 0, row[3])):
            chosen[kind].append(key)
        return chosen


class HomeFeaturedMaker(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_makers")
    vendor = models.ForeignKey(
        "catalog.VendorPage", verbose_name=_("maker"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("vendor")]


class HomeFeaturedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "catalog.ProductPage", verbose_name=_("product"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("product")]


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "stories.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("story")]


class HomeFeaturedCollection(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_collections")
    collection = models.ForeignKey(
        "stories.CollectionPage", verbose_name=_("collection"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("collection")]


class StandardPage(TranslationStatusMixin, Page):
    """About, How samples work, Shipping and other plain content pages."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("image", ImageBlock(label=_("Image"))),
        ],
        blank=True,
        verbose_name=_("body"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation = models.CharField(
        _("organisation"), max_length=200, default="Diskopindag Kota Malang (demo)"
    )
    contact_email = models.EmailField(_("contact e-mail"), default="hello@etalase.localhost")
    address = models.TextField(_("address"), blank=True, default="Kota Malang, Jawa Timur, Indonesia")
    instagram_url = models.URLField(_("Instagram URL"), blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("contact_email"),
        FieldPanel("address"),
        FieldPanel("instagram_url"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Every page's footer reads these: from the cache, dropped whenever they are saved."""
        if site is None:
            return super().for_site(site)
        return cached_setting(cls, site, lambda: super(SiteSettings, cls).for_site(site))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget_setting(type(self), self.site_id)

    def delete(self, *args, **kwargs):
        forget_setting(type(self), self.site_id)
        return super().delete(*args, **kwargs)

"""Site-wide pages (home, standard content pages) and site settings."""

import functools

from django.db import models
from django.http import Http404
from django.utils.encoding import force_str
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class TranslationStatusMixin:
    """Tells templates and listings whether a page's text is really in its own locale.

    wagtail-localize fills a locale with aliases of pages nobody has translated yet; an alias
    shows its source's text, so it must be marked (and kept out of listings where the source
    language would be passed off as this one).
    """

    # Slugs stay the source's in every locale (/ja/makers/<english-slug>/): a translated slug in
    # Japanese, Chinese or Arabic would become empty (unicode slugs are off) and block publishing.
    override_translatable_fields = [SynchronizedField("slug")]

    @property
    def content_language(self):
        if self.alias_of_id:
            return self.alias_of.locale.language_code
        return self.locale.language_code

    @property
    def is_untranslated(self):
        return bool(self.alias_of_id) and self.content_language != self.locale.language_code


def route_to_child(page, request, path_components, children):
    """`Page.route` (Wagtail's documented hook for custom routing) for a page whose children are all
    of one type: the child is read from `children`, a queryset of that type with what its template
    needs, in one query instead of two (the page row, then its specific row)."""
    child = children.child_of(page).filter(slug=path_components[0]).first()
    if child is None:
        raise Http404
    return child.route(request, path_components[1:])


@functools.cache
def _choice_labels(field):
    return dict(field.flatchoices)


def choice_label(field, value):
    """The label of `value` among the choices of model field `field`, as `get_<field>_display()`."""
    return force_str(_choice_labels(field).get(value, value), strings_only=True)


class ChoiceLabelsMixin:
    """`get_<field>_display()` from a dict made once per field.

    Django's builds the dict again on every call and, to make its pairs hashable, hashes every
    label: with lazy translations that is a `gettext` per choice, per call. A catalogue page of 24
    cards (unit, sector, district) spent more on that than on its three card queries.
    """

    def _get_FIELD_display(self, field):
        try:
            return choice_label(field, getattr(self, field.attname))
        except TypeError:  # an unhashable value: Django's way
            return super()._get_FIELD_display(field)


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
        from wagtail import hooks

        from catalog.queries import featured_products, featured_vendors
        from catalog.renditions import HOME_PAGE_SPECS

        from .images import prefetch_renditions

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

    @cached_property
    def chosen_keys(self):
        """translation_keys of the pages editors chose for each featured list, in their order.

        One query for the four lists. A home page copied into another locale keeps its source's
        choices, so listings match them to their own locale's copies by translation_key.
        """
        lists = (
            ("makers", HomeFeaturedMaker, "vendor"),
            ("products", HomeFeaturedProduct, "product"),
            ("stories", HomeFeaturedStory, "story"),
            ("collections", HomeFeaturedCollection, "collection"),
        )
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
        from .sites import cached_setting

        if site is None:
            return super().for_site(site)
        return cached_setting(cls, site, lambda: super(SiteSettings, cls).for_site(site))

    def save(self, *args, **kwargs):
        from .sites import forget_setting

        super().save(*args, **kwargs)
        forget_setting(type(self), self.site_id)

    def delete(self, *args, **kwargs):
        from .sites import forget_setting

        forget_setting(type(self), self.site_id)
        return super().delete(*args, **kwargs)

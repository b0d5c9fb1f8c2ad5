"""Stories (packaging and branding case studies), curated collections, and trade events with their makers."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import slug_unicode_re
from django.db import models, transaction
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalog.cards import product_cards
from catalog.models import VendorPage
from catalog.queries import listed_products, vendor_cards
from storefront.pages import ChoiceLabelsMixin, TranslationStatusMixin
from storefront.search import CharacterTermsMixin

from .blocks import StoryBodyBlock


class Topic(models.TextChoices):
    PACKAGING = "packaging", _("Packaging")
    BRANDING = "branding", _("Branding")
    PHOTOGRAPHY = "photography", _("Product photography")
    EXPORT = "export", _("Export stories")


# --- Stories --------------------------------------------------------------------------------------


class StoryIndexPage(RoutablePageMixin, TranslationStatusMixin, Page):
    """The stories section: a filtered, paginated listing plus RSS and Atom feeds of this locale."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage", "stories.CollectionPage"]
    max_count_per_parent = 1
    page_size = 12
    # What changes this page's HTML (the page cache keys on these and serves the page nothing else).
    query_parameters = ("topic", "maker", "page")

    class Meta:
        verbose_name = _("stories index")

    @path("")
    def listing(self, request):
        from .queries import collections_in, stories_in

        topic = request.GET.get("topic", "")
        topic = topic if topic in Topic.values else ""
        maker = request.GET.get("maker", "").strip()
        maker = maker if slug_unicode_re.match(maker) else ""  # a slug, or no filter (never a NUL byte)
        stories = stories_in(self.locale).child_of(self)
        if topic:
            stories = stories.filter(topic=topic)
        if maker:
            # Matched by translation_key, so a maker's slug from any locale finds the same stories.
            keys = VendorPage.objects.filter(slug=maker).values("translation_key")
            stories = stories.filter(features__vendor__translation_key__in=keys).distinct()
        page_obj = Paginator(stories, self.page_size).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "stories": page_obj.object_list,
                "topics": Topic.choices,
                "current_topic": topic,
                "current_maker": maker,
                "collections": collections_in(self.locale).child_of(self) if not (topic or maker) else [],
                "rss_url": self.url + self.reverse_subpage("rss_feed"),
                "atom_url": self.url + self.reverse_subpage("atom_feed"),
            },
        )

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        from .feeds import StoriesRssFeed

        return StoriesRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from .feeds import StoriesAtomFeed

        return StoriesAtomFeed(self)(request)


class StoryPage(TranslationStatusMixin, ChoiceLabelsMixin, CharacterTermsMixin, Page):
    intro = models.TextField(_("introduction"), max_length=600)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.PACKAGING)
    date = models.DateField(_("date"), default=datetime.date.today)
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("date")]),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel(
            "related_vendors",
            label=_("Maker"),
            heading=_("Makers in this story"),
            help_text=_("Makers already in a maker or product card are added automatically."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("character_terms"),  # Chinese and Japanese text, by character
        index.AutocompleteField("character_terms"),
        index.FilterField("topic"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("topic"),
        SynchronizedField("date"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Partial saves (a draft revision, a move) leave the page's own content as it was, so the
        # features stay those of the content that is (or will be) live.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.rebuild_features()
        return result

    def featured_page_ids(self):
        """(page id, maker id) pairs chosen in the body's cards and the related makers inline."""
        pairs = []
        for block in self.body:
            if block.block_type == "product" and block.value["product"] is not None:
                product = block.value["product"]
                pairs.append((product.id, product.vendor_id))
            elif block.block_type == "maker" and block.value["vendor"] is not None:
                pairs.append((block.value["vendor"].id, block.value["vendor"].id))
        for row in self.related_vendors.all():
            if row.vendor_id:
                pairs.append((row.vendor_id, row.vendor_id))
        return list(dict.fromkeys(pairs))

    @transaction.atomic
    def rebuild_features(self):
        StoryFeature.objects.filter(story=self).delete()
        StoryFeature.objects.bulk_create(
            StoryFeature(story=self, page_id=page_id, vendor_id=vendor_id)
            for page_id, vendor_id in self.featured_page_ids()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context["story_index"] = index_page
        return context


class StoryRelatedVendor(Orderable):
    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_vendors")
    vendor = models.ForeignKey(
        "catalog.VendorPage", verbose_name=_("maker"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("vendor")]


class StoryFeature(models.Model):
    """One page (a product or a maker) featured by a story, rebuilt whenever the story is saved.

    It lets a product or maker page find the stories about it in one query, whatever locale the
    story or the chosen page is in (they are matched through translation_key).
    """

    story = models.ForeignKey(StoryPage, on_delete=models.CASCADE, related_name="features")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    vendor = models.ForeignKey(
        "catalog.VendorPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("story feature")
        constraints = [models.UniqueConstraint(fields=["story", "page"], name="unique_story_feature")]

    def __str__(self):
        return f"{self.story_id} → {self.page_id}"


# --- Collections ----------------------------------------------------------------------------------


class CollectionPage(TranslationStatusMixin, Page):
    """An editor's curated set of products from several makers."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("products", label=_("Product"), heading=_("Products"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.FilterField("locale_id")]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def shown_products(self, request=None):
        """The chosen products as this locale shows them, in the editor's order; missing ones are skipped."""
        keys = list(
            self.products.filter(product__isnull=False)
            .order_by("sort_order", "pk")
            .values_list("product__translation_key", flat=True)
        )
        cards = product_cards(listed_products(self.locale).filter(translation_key__in=keys), request)
        by_key = {card.translation_key: card for card in cards}
        return [by_key[key] for key in keys if key in by_key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.shown_products(request)
        return context


class CollectionProduct(Orderable):
    collection = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="products")
    product = models.ForeignKey(
        "catalog.ProductPage", verbose_name=_("product"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("product")]


# --- Events ---------------------------------------------------------------------------------------


class EventScope(models.TextChoices):
    LOCAL = "local", _("Local")
    INTERNATIONAL = "international", _("International")


class EventIndexPage(TranslationStatusMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        from .queries import events_in

        context = super().get_context(request, *args, **kwargs)
        events = events_in(self.locale).child_of(self)
        today = timezone.localdate()
        context["upcoming_events"] = events.filter(end_date__gte=today).order_by("start_date", "title")
        context["past_events"] = events.filter(end_date__lt=today).order_by("-start_date", "title")
        return context


class EventPage(RoutablePageMixin, TranslationStatusMixin, ChoiceLabelsMixin, Page):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    venue = models.CharField(_("venue"), max_length=160)
    city = models.CharField(_("city"), max_length=80)
    country = models.CharField(_("country"), max_length=80, default="Indonesia")
    scope = models.CharField(_("reach"), max_length=20, choices=EventScope.choices, default=EventScope.LOCAL)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ul", "link"])
    external_url = models.URLField(_("event website"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("scope"),
                FieldPanel("external_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("description"),
        InlinePanel("participants", label=_("Maker"), heading=_("Participating makers")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("scope"),
        SynchronizedField("external_url"),
    ]

    parent_page_types = ["stories.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def is_upcoming(self):
        return self.end_date >= timezone.localdate()

    def shown_participants(self):
        keys = list(
            self.participants.filter(vendor__isnull=False)
            .order_by("sort_order", "pk")
            .values_list("vendor__translation_key", flat=True)
        )
        by_key = {v.translation_key: v for v in vendor_cards(self.locale).filter(translation_key__in=keys)}
        return [by_key[key] for key in keys if key in by_key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participants"] = self.shown_participants()
        context["ical_url"] = self.url + self.reverse_subpage("ical")
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        from .ical import event_calendar

        if not self.live:
            raise Http404
        response = HttpResponse(event_calendar(self, request), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response


class EventParticipant(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="participants")
    vendor = models.ForeignKey(
        "catalog.VendorPage", verbose_name=_("maker"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("vendor")]

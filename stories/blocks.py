"""StreamField blocks of a story: case studies told with pictures, palettes and live product cards."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from catalog.cards import product_cards
from catalog.queries import listed_products, vendor_cards

HEX_COLOUR = r"^#[0-9A-Fa-f]{6}$"


def _relative_luminance(hex_colour):
    """WCAG 2.x relative luminance of an #RRGGBB colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_ink(hex_colour):
    """Black or white, whichever reads better on `hex_colour` (one of them always reaches 4.5:1)."""
    return max(("#000000", "#FFFFFF"), key=lambda ink: contrast_ratio(hex_colour, ink))


def _localized_live(page, story_page, loader, read=list):
    """The chosen page as the story's visitors should see it (read by `read`: `product_cards` for a
    card), or None if it is not shown there.

    wagtail-localize keeps page choices pointing at the source page, so the copy in the story's
    locale is looked up by translation_key. A page unpublished or deleted since it was chosen
    gives None, and the block renders nothing rather than a dead link.
    """
    if page is None:
        return None
    locale = getattr(story_page, "locale", None) or page.locale
    rows = read(loader(locale).filter(translation_key=page.translation_key)[:1])
    return rows[0] if rows else None


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=200,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "stories/blocks/image.html"


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Alt text"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(GalleryImageBlock(), min_num=2, label=_("Images"))

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "stories/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "stories/blocks/quote.html"


class BeforeAfterBlock(blocks.StructBlock):
    """Old and new packaging side by side, the heart of a packaging case study."""

    before_image = ImageChooserBlock(label=_("Before: image"))
    before_label = blocks.CharBlock(label=_("Before: label"), default="Before", max_length=60)
    after_image = ImageChooserBlock(label=_("After: image"))
    after_label = blocks.CharBlock(label=_("After: label"), default="After", max_length=60)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Before and after")
        template = "stories/blocks/before_after.html"


class SwatchBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Colour name"), max_length=60)
    # A RegexBlock, not a CharBlock, so wagtail-localize keeps the code as it is in every language.
    hex = blocks.RegexBlock(
        regex=HEX_COLOUR,
        label=_("Hex code"),
        help_text=_("Six-digit hex code, e.g. #1E2B5E."),
        error_messages={"invalid": _("Enter the colour as # followed by six hex digits, e.g. #1E2B5E.")},
    )


class PaletteBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    swatches = blocks.ListBlock(SwatchBlock(), min_num=1, label=_("Swatches"))

    class Meta:
        icon = "pick"
        label = _("Colour palette")
        template = "stories/blocks/palette.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["swatches"] = [
            {"name": swatch["name"], "hex": swatch["hex"].upper(), "ink": readable_ink(swatch["hex"])}
            for swatch in value["swatches"]
        ]
        return context


class ProductCardBlock(blocks.StructBlock):
    product = blocks.PageChooserBlock(page_type="catalog.ProductPage", label=_("Product"))
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=200)

    class Meta:
        icon = "tag"
        label = _("Product card")
        template = "stories/blocks/product_card.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        context["product"] = _localized_live(
            value["product"],
            parent_context.get("page"),
            listed_products,
            read=lambda rows: product_cards(rows, parent_context.get("request")),
        )
        return context


class MakerCardBlock(blocks.StructBlock):
    vendor = blocks.PageChooserBlock(page_type="catalog.VendorPage", label=_("Maker"))
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=200)

    class Meta:
        icon = "user"
        label = _("Maker card")
        template = "stories/blocks/maker_card.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["vendor"] = _localized_live(value["vendor"], (parent_context or {}).get("page"), vendor_cards)
        return context


class CreditBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Role"), max_length=80)
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    studio = blocks.CharBlock(label=_("Studio"), required=False, max_length=120)
    url = blocks.URLBlock(label=_("Website"), required=False)


class CreditsBlock(blocks.StructBlock):
    credits = blocks.ListBlock(CreditBlock(), min_num=1, label=_("Credits"))

    class Meta:
        icon = "group"
        label = _("Credits")
        template = "stories/blocks/credits.html"


class StoryBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        label=_("Text"),
        template="stories/blocks/text.html",
    )
    image = ImageWithCaptionBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    before_after = BeforeAfterBlock()
    palette = PaletteBlock()
    product = ProductCardBlock()
    maker = MakerCardBlock()
    credits = CreditsBlock()

"""Wagtail's `image`, `srcset_image` and `picture` tags, with their filters parsed once.

Wagtail's nodes build new `Filter` objects on every render, and each one parses its operations
again (with `inspect`) for every rendition it looks up. A catalogue page of 24 cards with
`{% picture %}` in three widths and three formats did that over 400 times a render. These nodes
keep the filters they built: the specs are fixed when the template is parsed, so they can.
`{% picture %}` and `{% image %}` write their markup with `storefront.renditions`, which asks each rendition
for its URL once and, unlike Wagtail's single-rendition lookup, does not write a prefetched
rendition back to the renditions cache on every view.

    {% load images %}  {# instead of wagtailimages_tags #}
"""

from django import template

from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

from storefront.renditions import img_html, picture_html

register = template.Library()


class FiltersOnceMixin:
    def resolve_attrs(self, context):
        """The tag's attributes; the literal ones (`loading="lazy"`) are the same on every render."""
        if not hasattr(self, "_literal_attrs"):  # set last: a thread seeing it sees both
            literal = {key: value for key, value in self.attrs.items() if _is_literal(value)}
            self._variable_attrs = {key: value for key, value in self.attrs.items() if key not in literal}
            self._literal_attrs = {key: value.resolve(context) for key, value in literal.items()}
        attrs = {key: value.resolve(context) for key, value in self._variable_attrs.items()}
        return {**self._literal_attrs, **attrs} if attrs else self._literal_attrs

    def get_filter(self):
        if not hasattr(self, "_filter"):
            self._filter = super().get_filter()
        return self._filter

    def get_filters(self):
        if not hasattr(self, "_filters"):
            self._filters = super().get_filters()
        return self._filters


class ImageNode(FiltersOnceMixin, wagtail_tags.ImageNode):
    def render(self, context):
        if self.output_var_name:  # `{% image … as photo %}`: the rendition itself, as Wagtail gives it
            return super().render(context)
        image = self.validate_image(context)
        if not image:
            return ""
        found = get_renditions_or_not_found(image, [self.get_filter()])
        return img_html(next(iter(found.values())), self.resolve_attrs(context))


class SrcsetImageNode(FiltersOnceMixin, wagtail_tags.SrcsetImageNode):
    pass


class PictureNode(FiltersOnceMixin, wagtail_tags.PictureNode):
    def render(self, context):
        if self.output_var_name:  # `{% picture … as pic %}`: Wagtail's Picture object
            return super().render(context)
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        return picture_html(renditions, self.resolve_attrs(context))


def _is_literal(expression):
    """Whether a tag argument is a quoted string, with no filters: the same in every context."""
    return not expression.filters and not isinstance(expression.var, template.Variable)


NODES = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    node = wagtail_tags.image(parser, token)  # Wagtail's parsing and error messages
    node.__class__ = NODES[type(node)]
    return node


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
register.simple_tag(wagtail_tags.image_url, name="image_url")

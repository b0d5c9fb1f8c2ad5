"""Wagtail hooks of the site app: tell the page cache which responses serve a page, and which
renditions a published home page needs."""

from wagtail import hooks

from catalog.renditions import HOME_HERO_SPECS, SOCIAL_IMAGE_SPEC
from storefront import page_cache

from .models import HomePage

hooks.register("before_serve_page", page_cache.note_served_page)


@hooks.register("renditions_on_publish")
def home_page_renditions(page):
    if isinstance(page, HomePage):
        return {page.hero_image_id: [*HOME_HERO_SPECS, SOCIAL_IMAGE_SPEC]}
    return {}

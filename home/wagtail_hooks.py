"""Wagtail hooks of the site app: tell the page cache which responses serve a page."""

from wagtail import hooks

from . import page_cache

hooks.register("before_serve_page", page_cache.note_served_page)

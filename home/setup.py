"""Bootstrapping the site: locales and an English HomePage as the default site's root."""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from storefront.translation import ensure_locales

from .models import HomePage


@transaction.atomic
def ensure_home_page(hostname="127.0.0.1", port=8000):
    """Make an English HomePage the default site's root, replacing Wagtail's welcome page.

    The welcome page goes before the other locales start syncing from English, so it is never
    copied into them. Safe to re-run.
    """
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title="Etalase Malang",
                slug="etalase-malang",
                locale=default_locale,
                hero_title="Export-ready makers of Malang, East Java",
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    old_root_id = site.root_page_id
    site.hostname, site.port, site.site_name, site.root_page = hostname, port, "Etalase Malang", home
    site.save()
    if old_root_id and old_root_id != home.id:
        old_root = Page.objects.get(id=old_root_id)
        if old_root.specific_class is Page:  # Wagtail's "Welcome to your new Wagtail site!"
            for page in [*old_root.get_translations(), old_root]:
                page.delete()
    ensure_locales()
    return home

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import page_cache, sites  # noqa: F401  (sites: its receivers forget changed sites)

        page_cache.connect_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from storefront import page_cache

        from . import checks  # noqa: F401  (registers them)

        page_cache.connect_signals()

        from storefront.images import encode_avif_at_configured_speed

        encode_avif_at_configured_speed()

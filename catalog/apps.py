from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Catalogue")

    def ready(self):
        from wagtail.signals import page_published

        from .publishing import connect_approval_email
        from .renditions import on_page_published

        page_published.connect(on_page_published, dispatch_uid="catalog-renditions-on-publish")
        # Before wagtail.admin's ready() (INSTALLED_APPS order), which then keeps this one.
        connect_approval_email()

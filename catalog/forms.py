"""The page form makers and curators edit catalogue pages with: images only from what the user may choose."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

# What the image and document choosers offer a user: images in its collections, for a maker its own.
CHOOSABLE = ["choose"]


class OwnMediaPageForm(WagtailAdminPageForm):
    """Every image and document field of the page and of its inline rows (gallery photos) accepts only
    what the user may choose, as Wagtail's chooser offers it, or the value the page already has.

    The chooser alone does not stop a posted id of another maker's image; this does, with an error
    next to the field.
    """

    not_yours_messages = {
        "image": _(
            "This image is not in your collection. Choose one of your own images, or upload it first."
        ),
        "document": _(
            "This document is not in your collection. Choose one of your own documents, or upload it first."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        self._scope(self)
        for formset in self.formsets.values():
            for form in formset.forms:
                self._scope(form)

    def _scope(self, form):
        for name, field in form.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            model = field.queryset.model
            if not issubclass(model, (get_image_model(), get_document_model())):
                continue
            policy = policy_registry.get_by_type(model)
            choosable = policy.instances_user_has_any_permission_for(self.for_user, CHOOSABLE)
            current = getattr(form.instance, f"{name}_id", None)
            field.queryset = field.queryset.filter(pk__in=choosable.values("pk")) | field.queryset.filter(
                pk=current
            )
            kind = "image" if issubclass(model, get_image_model()) else "document"
            field.error_messages["invalid_choice"] = self.not_yours_messages[kind]

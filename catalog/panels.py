"""The certificates' rows in the maker and product editors: who may set what, server-side.

Wagtail's InlinePanel neither hands the signed-in user to its rows' forms nor applies a row
field's `permission` to them (it only hides the field), so `CertificatesPanel` does both through
`CertificateForm`: a maker's rows have no "verified on" field at all, a scan can be only one the
user may choose (the maker's own private documents), and a new number or scan clears the mark.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

VERIFY_PERMISSION = "catalog.verify_vendor"


def may_verify(user):
    return bool(user is not None and user.is_active and user.has_perm(VERIFY_PERMISSION))


class CertificateForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if not may_verify(for_user):
            # Absent, not hidden: a posted value is ignored and the saved date is kept as it was.
            self.fields.pop("verified_on", None)
        if "document" in self.fields:
            self._limit_documents(for_user)

    def _limit_documents(self, user):
        field = self.fields["document"]
        if user is None:
            field.queryset = field.queryset.none()
        else:
            policy = policy_registry.get_by_type(get_document_model())
            field.queryset = policy.instances_user_has_any_permission_for(user, ["choose"])
        if self.instance.document_id:  # a scan already on the row stays acceptable as it is
            model = field.queryset.model
            field.queryset = field.queryset | model.objects.filter(pk=self.instance.document_id)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if (
            document is not None
            and document.pk != self.instance.document_id
            and not document.collection.get_view_restrictions().exists()
        ):
            raise forms.ValidationError(
                _(
                    "Upload the scan into the maker's private documents collection: a document "
                    "in “%(collection)s” can be opened by anyone."
                )
                % {"collection": document.collection.name}
            )
        return document

    def _post_clean(self):
        super()._post_clean()
        # The trade office checked that number against that scan: either one changing undoes it,
        # unless the curator sets the date again in the same change.
        if (
            self.instance.verified_on is not None
            and {"number", "document"} & set(self.changed_data)
            and "verified_on" not in self.changed_data
        ):
            self.instance.verified_on = None


class CertificatesPanel(InlinePanel):
    """An InlinePanel of Certificate rows whose forms know the user (see the module's docstring)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["form"] = CertificateForm
        formset["inherit_kwargs"] = ["for_user"]
        return options

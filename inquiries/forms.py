"""The buyer's inquiry form and the admin's status form."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from catalog.fields import MoneyFormField
from catalog.models import Incoterm, Unit
from storefront.countries import country_choices
from storefront.text import VisibleCharField

from .models import MAX_QUANTITY, Inquiry, InquiryStatus

MESSAGE_MIN_LENGTH = 20
MESSAGE_MAX_LENGTH = 5000

validate_phone = RegexValidator(
    r"^\+?[0-9 ()./-]{6,40}$",
    _("Enter a phone number with digits, spaces and an optional leading +."),
)


def _country_choices_with_blank():
    return [("", _("Choose a country")), *country_choices()]


class InquiryForm(forms.Form):
    name = VisibleCharField(label=_("Your name"), max_length=120)
    company = VisibleCharField(label=_("Company"), max_length=160)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices_with_blank)
    phone = forms.CharField(
        label=_("Phone (optional)"), max_length=40, required=False, validators=[validate_phone]
    )
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "min_value": _("The quantity must be at least 1."),
            "max_value": _("The quantity can be at most 10,000,000."),
        },
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    target_price = MoneyFormField(
        label=_("Target unit price in USD (optional)"),
        required=False,
        help_text=_("Per unit, e.g. 4.50"),
    )
    incoterm = forms.ChoiceField(label=_("Incoterm"), choices=Incoterm.choices, initial=Incoterm.FOB)
    destination = VisibleCharField(
        label=_("Destination (port or city, country)"), max_length=160, help_text=_("e.g. Rotterdam, NL")
    )
    message = VisibleCharField(
        label=_("Your message"),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Tell the maker what you need: specification, packaging, timing (20–5000 characters)."),
        error_messages={
            "min_length": _("Please write at least 20 characters so the maker can answer."),
            "max_length": _("Please keep the message under 5000 characters."),
        },
    )
    # A trap for bots: hidden from people and assistive technology, so only a bot fills it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    required_css_class = "field--required"
    error_css_class = "field--error"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["quantity"].widget.attrs["inputmode"] = "numeric"
        self.fields["target_price"].widget.attrs["inputmode"] = "decimal"
        for field in self.fields.values():
            if field.required:
                field.error_messages.setdefault(
                    "required", pgettext_lazy("form error", "This field is required.")
                )

    @property
    def is_spam_trap_filled(self):
        return bool((self.data.get("website") or "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


class InquiryStatusForm(WagtailAdminModelForm):
    """Admin edit form: only the status, and only the moves the pipeline allows from the current one."""

    class Meta:
        model = Inquiry
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            allowed = set(self.instance.allowed_statuses())
            self.fields["status"].choices = [
                (value, label) for value, label in InquiryStatus.choices if value in allowed
            ]

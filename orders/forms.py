"""Forms a buyer fills in: adding a sample, changing a box quantity, and the checkout address."""

from django import forms
from django.utils.translation import gettext_lazy as _

from storefront.countries import country_choices
from storefront.text import VisibleCharField


class BoxQuantityForm(forms.Form):
    # Within the database's integer range: a larger id is refused here, not by the database.
    product = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)


class CheckoutForm(forms.Form):
    name = VisibleCharField(label=_("Full name"), max_length=120)
    company = VisibleCharField(label=_("Company"), max_length=160, required=False)
    email = forms.EmailField(label=_("E-mail"))
    phone = VisibleCharField(label=_("Phone"), max_length=40, required=False)
    address_line1 = VisibleCharField(label=_("Address"), max_length=200)
    address_line2 = VisibleCharField(label=_("Address (line 2)"), max_length=200, required=False)
    city = VisibleCharField(label=_("City"), max_length=120)
    postal_code = VisibleCharField(label=_("Postal code"), max_length=20, required=False)
    country = forms.ChoiceField(
        label=_("Country"), choices=lambda: [("", _("Choose a country")), *country_choices()]
    )

    autocomplete = {
        "name": "name",
        "company": "organization",
        "email": "email",
        "phone": "tel",
        "address_line1": "address-line1",
        "address_line2": "address-line2",
        "city": "address-level2",
        "postal_code": "postal-code",
        "country": "country",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, value in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value

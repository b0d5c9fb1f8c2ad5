"""Where a maker works, written as an address is in the buyer's language.

Every maker is in one district (kecamatan) of Kota Malang, East Java, Indonesia. The district's
name is an Indonesian place name and stays as it is; the city, province and country, and the order
they come in (Chinese and Japanese write the country first), are the translator's.
"""

from django.utils.translation import gettext as _


def district_in_city(vendor):
    """The maker's district in the city: "Lowokwaru, Kota Malang"."""
    if not vendor.district:
        return _("Kota Malang")
    return _("%(district)s, Kota Malang") % {"district": vendor.get_district_display()}


def origin(vendor):
    """Where the maker's products are made: "Lowokwaru, Kota Malang, East Java, Indonesia"."""
    if not vendor.district:
        return _("Kota Malang, East Java, Indonesia")
    return _("%(district)s, Kota Malang, East Java, Indonesia") % {"district": vendor.get_district_display()}

"""A quantity with its unit in the reader's language and plural: “1 pouch”, “500 pouches”, “500袋”.

One message per unit, so each language puts number and word in its own order and plural (Arabic
has six forms); templates wrap the result in <bdi> so right-to-left text keeps them together.
"""

from django.utils.formats import number_format
from django.utils.translation import ngettext_lazy, pgettext_lazy

from .models import Unit

# `count` chooses the plural form; `quantity` is the number as the reader's locale writes it.
QUANTITIES = {
    Unit.PIECES: ngettext_lazy("%(quantity)s piece", "%(quantity)s pieces", "count"),
    Unit.SETS: ngettext_lazy("%(quantity)s set", "%(quantity)s sets", "count"),
    Unit.PAIRS: ngettext_lazy("%(quantity)s pair", "%(quantity)s pairs", "count"),
    Unit.JARS: ngettext_lazy("%(quantity)s jar", "%(quantity)s jars", "count"),
    Unit.POUCHES: ngettext_lazy("%(quantity)s pouch", "%(quantity)s pouches", "count"),
    Unit.BAGS: ngettext_lazy("%(quantity)s bag", "%(quantity)s bags", "count"),
    Unit.TINS: ngettext_lazy("%(quantity)s tin", "%(quantity)s tins", "count"),
    Unit.TUBES: ngettext_lazy("%(quantity)s tube", "%(quantity)s tubes", "count"),
    Unit.KG: ngettext_lazy("%(quantity)s kg", "%(quantity)s kg", "count"),
    Unit.CONTAINERS: ngettext_lazy("%(quantity)s 20' container", "%(quantity)s 20' containers", "count"),
}


# What a price is for: the product's own unit, as its minimum order and price tiers are counted.
PRICES_PER = {
    Unit.PIECES: pgettext_lazy("price", "per piece"),
    Unit.SETS: pgettext_lazy("price", "per set"),
    Unit.PAIRS: pgettext_lazy("price", "per pair"),
    Unit.JARS: pgettext_lazy("price", "per jar"),
    Unit.POUCHES: pgettext_lazy("price", "per pouch"),
    Unit.BAGS: pgettext_lazy("price", "per bag"),
    Unit.TINS: pgettext_lazy("price", "per tin"),
    Unit.TUBES: pgettext_lazy("price", "per tube"),
    Unit.KG: pgettext_lazy("price", "per kg"),
    Unit.CONTAINERS: pgettext_lazy("price", "per 20' container"),
}


def price_per(unit):
    """What a price of a product sold in `unit` is for ("per kg"), in the reader's language."""
    return str(PRICES_PER.get(unit, pgettext_lazy("price", "per unit")))


def quantity_with_unit(count, unit):
    """`count` of `unit` (a `Unit` value) as one phrase; a unit not known is shown after the number."""
    if count is None:
        return ""
    quantity = number_format(count, force_grouping=True)
    message = QUANTITIES.get(unit)
    if message is None:
        return f"{quantity} {unit}".strip()
    return str(message % {"count": count, "quantity": quantity})

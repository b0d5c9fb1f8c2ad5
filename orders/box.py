"""The sample box: product ids and quantities kept in the buyer's session, priced from live pages."""

import uuid
from dataclasses import dataclass
from itertools import groupby

from catalog.models import ProductPage

from .models import ShippingZone

SESSION_KEY = "sample_box"
# The key the box's order will be placed with. A new one each time the buyer changes the box, kept
# after checkout: a box submitted twice (a double click, a second tab, the back button) is the order
# already placed, and a box changed since is a new order.
CHECKOUT_KEY = "sample_box_checkout"
CURRENCY = "USD"


@dataclass
class BoxLine:
    product: ProductPage
    quantity: int

    @property
    def unit_price(self):
        return self.product.sample_price

    @property
    def line_total(self):
        return self.product.sample_price * self.quantity

    @property
    def vendor(self):
        return self.product.vendor


def orderable_products():
    """Products whose samples can be ordered now: live, offered, with a price."""
    return ProductPage.objects.live().filter(samples_available=True, sample_price__isnull=False)


def _raw(request):
    return dict(request.session.get(SESSION_KEY, {}))


def _store(request, items):
    request.session[SESSION_KEY] = items


def count(request):
    return sum(_raw(request).values())


def quantity_of(request, product):
    return _raw(request).get(str(product.pk), 0)


def _changed(request):
    request.session[CHECKOUT_KEY] = str(uuid.uuid4())


def set_quantity(request, product, quantity):
    items = _raw(request)
    items[str(product.pk)] = quantity
    _store(request, items)
    _changed(request)


def remove(request, product_id):
    items = _raw(request)
    items.pop(str(product_id), None)
    _store(request, items)
    _changed(request)


def clear(request):
    """Empty the box after checkout; its checkout key stays, to recognise the box submitted again."""
    request.session.pop(SESSION_KEY, None)


def checkout_key(request, create=True):
    """The key the box's order is placed with. A box filled before keys existed gets one now, unless
    `create` is false (then None: no session is started for a visitor who has none)."""
    if CHECKOUT_KEY not in request.session:
        if not create:
            return None
        _changed(request)
    return request.session[CHECKOUT_KEY]


def lines(request):
    """Box lines with current prices; products no longer offered are dropped from the box."""
    items = _raw(request)
    if not items:
        return []
    products = {
        p.pk: p
        for p in orderable_products().filter(pk__in=[int(pk) for pk in items]).select_related("vendor")
    }
    result = [BoxLine(products[int(pk)], qty) for pk, qty in items.items() if int(pk) in products]
    if len(result) != len(items):
        _store(request, {str(line.product.pk): line.quantity for line in result})
    result.sort(key=lambda line: ((line.vendor.title if line.vendor else ""), line.product.title))
    return result


def grouped_by_vendor(box_lines):
    return [
        {"vendor": vendor, "lines": list(group)}
        for vendor, group in groupby(box_lines, key=lambda line: line.vendor)
    ]


def totals(box_lines, country=None):
    """Subtotal, shipping and total in minor units; shipping from the country's zone (default zone before)."""
    subtotal = sum(line.line_total for line in box_lines)
    zone = ShippingZone.for_country(country) if box_lines else None
    shipping = zone.flat_rate if zone else 0
    return {
        "subtotal": subtotal,
        "shipping": shipping,
        "total": subtotal + shipping,
        "currency": CURRENCY,
        "zone": zone,
    }

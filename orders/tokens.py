"""Private order links: a salted, signed token of the order id and reference, so links cannot be guessed."""

from django.core import signing
from django.urls import reverse

SALT = "orders.order-link"


def make_token(order):
    return signing.dumps([order.pk, order.reference], salt=SALT, compress=True)


def read_token(token):
    """(id, reference) from a token, or None if it was not made by us."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        return None
    return value


def order_url(order):
    from django.utils import translation

    with translation.override(order.language):
        return reverse("orders:order_detail", kwargs={"token": make_token(order)})

"""Private order links: a salted, signed token of the order, so links cannot be guessed; each works for
ORDER_LINK_MAX_AGE_DAYS after it was made (the signature carries the time)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "orders.order-link"


class LinkExpired(Exception):
    """A link we made, older than ORDER_LINK_MAX_AGE_DAYS."""

    def __init__(self, reference):
        super().__init__(reference)
        self.reference = reference  # for the buyer to quote


def make_token(order):
    # The order's random key too: after a database restore, a new order may take a lost one's id and
    # reference, and the lost order's link must not open it.
    return signing.dumps([order.pk, order.reference, str(order.key)], salt=SALT, compress=True)


def read_token(token):
    """(id, reference, key) from a token, key None in links made before orders had keys; None if the
    token was not made by us. Raises LinkExpired for a link of ours that is too old."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) in (2, 3) and all(isinstance(v, str) for v in value[1:])):
        return None
    try:
        signing.loads(token, salt=SALT, max_age=timedelta(days=settings.ORDER_LINK_MAX_AGE_DAYS))
    except signing.SignatureExpired:
        raise LinkExpired(value[1]) from None
    return (*value, None)[:3]


def order_url(order):
    from django.utils import translation

    with translation.override(order.language):
        return reverse("orders:order_detail", kwargs={"token": make_token(order)})

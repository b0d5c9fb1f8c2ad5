"""E-mails that must reach people exactly once, and subject lines that any text can go into.

Inquiries (the maker's and the buyer's e-mails), paid sample orders (the buyer's and each
maker's) and the e-mails owed for an invoice order or an order's new status (orders.OrderMail) use
`send_once`; their resend commands try again what the mail server refused.
"""

import logging
from datetime import timedelta

from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone

logger = logging.getLogger(__name__)

# How long a sender may take before another may try the same e-mails. Far longer than a send can last
# with EMAIL_TIMEOUT on every socket operation, and shorter than the resend commands' interval.
CLAIM_SECONDS = 10 * 60


def subject_line(text):
    """`text` on one line: a line break in a header is refused (BadHeaderError) by Django's mail."""
    return " ".join(str(text).split())


def send_once(queryset, pk, messages, *, sent_field, attempts_field, error_field, claim_field):
    """Send `messages(row, connection)` for the row `pk` of `queryset`, unless its `sent_field` is set.

    Returns True when they are sent (now or before), False when there is no such row, sending failed,
    or another sender is at it. A failure never raises: the row counts the attempt, keeps
    `sent_field` empty and records the error in `error_field`, for its resend command to try again.
    A retry after a failure midway may repeat a message that went out; none is lost.

    The row is claimed (`claim_field`, a time until which the claim holds) by one short UPDATE, and
    the mail server is talked to outside any transaction: a server that accepts the connection and
    never answers holds no row lock and no database connection in a transaction.
    """
    now = timezone.now()
    claimed = (
        queryset.filter(pk=pk, **{f"{sent_field}__isnull": True})
        .filter(Q(**{f"{claim_field}__isnull": True}) | Q(**{f"{claim_field}__lt": now}))
        .update(
            **{claim_field: now + timedelta(seconds=CLAIM_SECONDS), attempts_field: F(attempts_field) + 1}
        )
    )
    row = queryset.filter(pk=pk).first()
    if row is None:
        logger.warning("No %s %s to send e-mails for", queryset.model._meta.model_name, pk)
        return False
    if not claimed:
        if getattr(row, sent_field) is not None:
            return True
        logger.info("The e-mails of %s %s are being sent by another process", row._meta.model_name, row)
        return False

    mine = queryset.filter(pk=pk, **{claim_field: getattr(row, claim_field)})
    try:
        connection = get_connection()
        connection.send_messages(messages(row, connection))
    except Exception as exc:  # any mail failure must leave the e-mails to send again
        logger.exception("Could not send the e-mails of %s %s", row._meta.model_name, row)
        mine.update(**{error_field: f"{type(exc).__name__}: {exc}"[:2000], claim_field: None})
        return False
    mine.update(**{sent_field: timezone.now(), error_field: "", claim_field: None})
    return True

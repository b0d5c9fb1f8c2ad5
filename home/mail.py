"""E-mails that must reach people exactly once: sent under a row lock, kept for a retry on failure.

Inquiries (the maker's and the buyer's e-mails) and paid sample orders (the buyer's and each
maker's) use it; their resend commands try again what the mail server refused.
"""

import logging

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def send_once(queryset, pk, messages, *, sent_field, attempts_field, error_field):
    """Send `messages(row, connection)` for the row `pk` of `queryset`, unless its `sent_field` is set.

    Returns True when they are sent (now or before), False when there is no such row or sending
    failed. A failure never raises: the row counts the attempt, keeps `sent_field` empty and
    records the error in `error_field`, for its resend command to try again. A retry after a
    failure midway may repeat a message that went out; none is lost.
    """
    with transaction.atomic():
        # The row lock keeps a task worker and the resend command from sending the same e-mails twice.
        # No select_related: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
        row = queryset.select_for_update().filter(pk=pk).first()
        if row is None:
            logger.warning("No %s %s to send e-mails for", queryset.model._meta.model_name, pk)
            return False
        if getattr(row, sent_field) is not None:
            return True
        setattr(row, attempts_field, getattr(row, attempts_field) + 1)
        try:
            connection = get_connection()
            connection.send_messages(messages(row, connection))
        except Exception as exc:  # any mail failure must leave the e-mails to send again
            logger.exception("Could not send the e-mails of %s %s", queryset.model._meta.model_name, row)
            setattr(row, error_field, f"{type(exc).__name__}: {exc}"[:2000])
            row.save(update_fields=[attempts_field, error_field])
            return False
        setattr(row, sent_field, timezone.now())
        setattr(row, error_field, "")
        row.save(update_fields=[attempts_field, error_field, sent_field])
        return True

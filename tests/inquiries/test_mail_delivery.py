"""Inquiry e-mails against a mail server that accepts and never answers.

The senders run in threads with their own database connections, so the test commits for real and
lives in a module of its own, away from rows kept for a whole module.
"""

import threading

import pytest

from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection

from inquiries.models import Inquiry
from inquiries.notifications import notify_inquiry


def make_inquiry():
    return Inquiry.create_with_reference(
        vendor=None,
        product=None,
        product_name="Hand-painted porcelain aroma burner",
        vendor_name="Atelier Kabut Porselen",
        language_code="en",
        name="Hanna Vermeulen",
        company="Vermeulen Home Goods B.V.",
        email="buyer@importer.example",
        country="NL",
        quantity=250,
        unit="pieces",
        incoterm="FOB",
        destination="Rotterdam, NL",
        message="We would like a quotation for 250 burners in gift boxes, delivery before October.",
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hanging_mail_server_neither_blocks_nor_doubles_the_emails(monkeypatch):
    inquiry = make_inquiry()
    sending, second_sender_done = threading.Event(), threading.Event()
    inside_a_transaction = []
    deliver = locmem.EmailBackend.send_messages

    def slow_server(self, messages):
        inside_a_transaction.append(connection.in_atomic_block)
        sending.set()
        second_sender_done.wait(timeout=10)  # the mail server takes its time to answer
        return deliver(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", slow_server)
    results = {}

    def task_worker():
        try:
            results["worker"] = notify_inquiry(inquiry.pk)
        finally:
            connection.close()

    worker = threading.Thread(target=task_worker)
    worker.start()
    assert sending.wait(timeout=10)
    # The resend command runs meanwhile: it must neither wait for the mail server nor send again.
    results["resend"] = notify_inquiry(inquiry.pk)
    second_sender_done.set()
    worker.join()

    assert results == {"worker": True, "resend": False}
    assert inside_a_transaction == [False]
    assert len(mail.outbox) == 2  # the maker's and the buyer's, once
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None and inquiry.notify_attempts == 1

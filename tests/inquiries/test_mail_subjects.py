"""Inquiry e-mails about products whose titles would break a mail header."""

from inquiries.models import Inquiry
from tests import factories


def test_a_line_break_in_a_product_title_does_not_stop_its_emails(vendor, post_inquiry, mailoutbox):
    product = factories.make_product(vendor, "Porcelain aroma burner\r\nwith lid\n(white)")

    assert post_inquiry(product).status_code == 302

    inquiry = Inquiry.objects.get()
    assert inquiry.notified_at is not None and inquiry.last_error == ""
    subjects = sorted(message.subject for message in mailoutbox)
    assert subjects == sorted(
        [
            f"Permintaan penawaran baru {inquiry.reference}: Porcelain aroma burner with lid (white)",
            f"Your inquiry {inquiry.reference} to Atelier Kabut Porselen",
        ]
    )

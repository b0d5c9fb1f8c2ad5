"""What an inquiry shows to whoever holds its thank-you link, and sends to the address typed into
the form: anyone can type anyone's address, so neither repeats the text the sender wrote."""

import time

from inquiries.models import Inquiry

from .conftest import BUYER_EMAIL, VENDOR_EMAIL

SPAM = "Cheap pills at http://spam.example/buy"


def test_the_buyers_copy_carries_only_what_the_site_wrote(product, post_inquiry, mailoutbox):
    post_inquiry(
        product,
        name=f"Hello friend! {SPAM}",
        company=f"{SPAM} Ltd",
        destination=f"{SPAM}, NL",
        message=f"You won a prize. {SPAM} — claim it today, offer ends soon.",
    )

    inquiry = Inquiry.objects.get()
    to_vendor, to_buyer = mailoutbox
    assert to_buyer.to == [BUYER_EMAIL]
    assert "spam.example" not in to_buyer.subject + to_buyer.body
    for text in (inquiry.reference, "Hand-painted porcelain aroma burner", "Atelier Kabut Porselen"):
        assert text in to_buyer.body
    assert "Your message went to the maker as you wrote it" in to_buyer.body
    # The maker still reads every word, and replies to the buyer's address.
    assert to_vendor.to == [VENDOR_EMAIL]
    assert "You won a prize." in to_vendor.body


def test_the_buyers_copy_in_indonesian(product, post_inquiry, mailoutbox):
    post_inquiry(product, lang="id", message=f"Mohon penawaran 250 buah. {SPAM}")

    to_buyer = mailoutbox[1]
    assert to_buyer.body.startswith("Halo,")
    assert "Pesan Anda telah diteruskan kepada pembuat" in to_buyer.body
    assert "spam.example" not in to_buyer.body


def test_thank_you_page_shows_the_reference_product_and_what_happens_next(client, product, post_inquiry):
    response = post_inquiry(product, message=f"Please quote 250 pieces in gift boxes. {SPAM}")

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert Inquiry.objects.get().reference in html
    assert "Hand-painted porcelain aroma burner" in html
    assert "will reply by e-mail to the address you gave" in html
    assert "gift boxes" not in html and "spam.example" not in html
    assert BUYER_EMAIL not in html


class Later:
    """`time` as seen by Django's signing, `seconds` from now."""

    def __init__(self, seconds):
        self.seconds = seconds

    def time(self):
        return time.time() + self.seconds


def test_thank_you_link_expires(client, product, post_inquiry, settings, monkeypatch):
    settings.INQUIRY_THANKS_MAX_AGE = 7 * 24 * 3600
    link = post_inquiry(product)["Location"]

    monkeypatch.setattr("django.core.signing.time", Later(6 * 24 * 3600))
    assert client.get(link).status_code == 200

    monkeypatch.setattr("django.core.signing.time", Later(8 * 24 * 3600))
    assert client.get(link).status_code == 404

    settings.INQUIRY_THANKS_MAX_AGE = 30 * 24 * 3600
    assert client.get(link).status_code == 200

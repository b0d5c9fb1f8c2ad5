"""What the inquiry form refuses: amounts beyond what can be stored, and fields "filled in" with
characters nobody can see."""

import re

import pytest

from inquiries.models import Inquiry

ZERO_WIDTH = "\u200b"  # zero-width space: Unicode category Cf, as are the joiners and bidi controls
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202e\u3164\u2800"


def error_next_to(response, field):
    block = re.search(
        rf'<div class="field[^"]*field--error[^"]*">\s*<label for="id_{field}">.*?</div>',
        response.content.decode(),
        re.S,
    )
    assert block, f"no error next to {field}"
    return block.group(0)


@pytest.mark.parametrize("amount", ["21474836.48", "9999999999.99", "100000000"])
def test_a_target_price_beyond_what_can_be_stored_is_refused(product, post_inquiry, amount):
    response = post_inquiry(product, target_price=amount)

    assert response.status_code == 400
    assert "Enter an amount of at most 21,474,836.47." in error_next_to(response, "target_price")
    assert Inquiry.objects.count() == 0


def test_one_cent_over_the_limit_is_refused_and_the_limit_is_kept(product, post_inquiry):
    assert post_inquiry(product, target_price="21474836.48").status_code == 400
    assert post_inquiry(product, target_price="21474836.47").status_code == 302
    assert Inquiry.objects.get().target_price == 2_147_483_647


def test_the_amount_limit_is_said_in_the_buyers_language(product, post_inquiry):
    response = post_inquiry(product, lang="id", target_price="50000000")

    assert response.status_code == 400
    assert "Masukkan nominal paling banyak 21,474,836.47." in error_next_to(response, "target_price")


def test_twenty_zero_width_spaces_are_not_a_message(product, post_inquiry, mailoutbox):
    response = post_inquiry(product, message=ZERO_WIDTH * 20)

    assert response.status_code == 400
    assert "This field is required." in error_next_to(response, "message")
    assert Inquiry.objects.count() == 0
    assert mailoutbox == []


def test_the_message_minimum_counts_visible_characters_only(product, post_inquiry):
    padded = "Price for 100?" + ZERO_WIDTH * 10 + " " * 10 + INVISIBLE  # 12 visible characters
    response = post_inquiry(product, message=padded)

    assert response.status_code == 400
    assert "Please write at least 20 characters" in error_next_to(response, "message")
    assert Inquiry.objects.count() == 0


def test_a_message_of_twenty_visible_characters_is_enough(product, post_inquiry):
    message = "Quote 500 pcs, FOB??"  # 17 letters, digits and marks, 3 spaces
    assert post_inquiry(product, message=message + ZERO_WIDTH).status_code == 400
    assert post_inquiry(product, message="Quote 500 pieces FOB Surabaya").status_code == 302


@pytest.mark.parametrize("field", ["name", "company", "destination"])
def test_required_fields_of_invisible_characters_are_empty(product, post_inquiry, field):
    response = post_inquiry(product, **{field: INVISIBLE + " " + INVISIBLE})

    assert response.status_code == 400
    assert "This field is required." in error_next_to(response, field)
    assert Inquiry.objects.count() == 0

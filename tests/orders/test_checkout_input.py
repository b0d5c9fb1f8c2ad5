"""Checkout refuses an address "filled in" with characters nobody can see."""

import pytest

from orders.models import SampleOrder
from tests.orders.conftest import CONTACT

ZERO_WIDTH = "\u200b"


@pytest.mark.parametrize("field", ["name", "address_line1", "city"])
def test_checkout_fields_of_invisible_characters_are_empty(client, two_makers, zones, field):
    client.post("/en/samples/add/", {"product": two_makers["burner"].pk, "quantity": 1})

    response = client.post("/en/samples/checkout/", {**CONTACT, field: ZERO_WIDTH * 5})

    assert response.status_code == 200
    assert "This field is required." in str(response.context["form"].errors[field])
    assert SampleOrder.objects.count() == 0

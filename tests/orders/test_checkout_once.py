"""One sample box makes one order, however often and however fast its checkout form is sent."""

from orders.models import SampleOrder
from tests.orders.conftest import CONTACT
from tests.orders.test_checkout import fill_box


def test_a_box_submitted_again_goes_to_the_order_it_placed(client, two_makers, zones):
    fill_box(client, two_makers)
    first = client.post("/en/samples/checkout/", CONTACT)
    again = client.post("/en/samples/checkout/", CONTACT)  # the back button and "Place order" again
    assert SampleOrder.objects.count() == 1
    assert again.status_code == 302 and again["Location"] == first["Location"]

    # A box filled again afterwards is a new order.
    client.post("/en/samples/add/", {"product": two_makers["chips"].pk, "quantity": 1})
    second = client.post("/en/samples/checkout/", CONTACT)
    assert SampleOrder.objects.count() == 2
    assert second["Location"] != first["Location"]


def test_a_repeated_submit_with_stripe_does_not_ask_stripe_again(client, two_makers, zones, stripe_on):
    fill_box(client, two_makers)
    assert client.post("/en/samples/checkout/", CONTACT).status_code == 303
    again = client.post("/en/samples/checkout/", CONTACT)
    order = SampleOrder.objects.get()
    assert again.status_code == 302 and order.reference in client.get(again["Location"]).content.decode()
    assert len(stripe_on.created_sessions) == 1

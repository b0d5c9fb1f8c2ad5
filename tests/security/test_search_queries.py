"""Whatever a buyer types into a search box is searched for as words: search syntax, NUL bytes and
pasted pages of text never break the site search, its suggestions or the catalogue's keyword."""

import re

import pytest

pytestmark = pytest.mark.usefixtures("search_index")

# Each is a word of the product's title wrapped in what search engines read as syntax, or worse.
HOSTILE = [
    '"porcelain',
    'porcelain"',
    '"porcelain" "',
    "porcelain*",
    "(porcelain",
    "-porcelain",
    "^porcelain",
    "porcelain:*",
    "porcelain & | !",
    "porcelain\\",
    "porcelain\x00",
    "porce\x00lain porcelain",
    "\u202eporcelain",
    "porcelain\u200b",
]


def test_site_search_finds_the_words_around_search_syntax(client, product):
    for query in HOSTILE:
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
        assert [p.title for p in response.context["products"]] == [product.title], query


def test_suggestions_ignore_search_syntax(client, product):
    plain = client.get("/en/search/suggest/", {"q": "porcelain"}).json()["suggestions"]
    assert product.title in [s["title"] for s in plain]  # and its maker, through the glossary (porselen)
    for query in HOSTILE:
        response = client.get("/en/search/suggest/", {"q": query})
        assert response.status_code == 200, query
        assert response.json()["suggestions"] == plain, query


def test_catalogue_keyword_ignores_search_syntax(client, product, site_tree):
    for query in HOSTILE:
        response = client.get(site_tree["products"].url, {"q": query})
        assert response.status_code == 200, query
        assert [card.title for card in response.context["products"]] == [product.title], query


@pytest.mark.parametrize("url", ["/en/search/", "/en/search/suggest/", "/en/products/"])
def test_a_query_of_nothing_but_syntax_is_an_empty_search(client, product, url):
    for query in [
        '"',
        '""',
        "*",
        "(",
        ")",
        "^",
        "\x00",
        "\u200b\u200b",
        "🍵",
        "-",
        "'",
        'NEAR("a" b)',
        "a OR",
        '"\x00"',
        '"a',
    ]:
        assert client.get(url, {"q": query}).status_code == 200, query


def test_a_pasted_page_of_text_is_cut_to_200_characters(client, product, site_tree):
    query = "porcelain " + "x" * 5000
    search = client.get("/en/search/", {"q": query})
    assert search.status_code == 200
    assert search.context["query"] == "porcelain"  # the 5,000-character word is cut off whole
    assert heading(search) == "Results for “porcelain”"

    one_word = client.get("/en/search/", {"q": '"' + "y" * 5000})
    assert one_word.status_code == 200
    assert one_word.context["query"] == "y" * 200
    assert heading(one_word) == f"Results for “{'y' * 79}…”"  # the heading shortens what it echoes

    catalogue = client.get(site_tree["products"].url, {"q": "x" * 5000})
    assert catalogue.status_code == 200
    assert catalogue.context["filters"].q == "x" * 200
    assert client.get("/en/search/suggest/", {"q": "x" * 5000}).status_code == 200


def test_cjk_search_with_syntax_still_finds_pages(client, product):
    response = client.get("/zh-hans/search/", {"q": '"porcelain\x00'})
    assert response.status_code == 200
    assert [p.url for p in response.context["products"]] == [
        "/zh-hans/makers/atelier-kabut-porselen/hand-painted-porcelain-aroma-burner/"
    ]


def heading(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()

"""A buyer's walk through the site in each language shows no English interface text.

For Indonesian, Chinese, Japanese and Arabic, the walk requests the pages a buyer goes through (home,
catalogue, product, maker, story, event, inquiry form, sample box with a sample, checkout and the
order page) and reads what a person sees of each: the text outside <script> and <style>, and the
attributes shown or read out (title, alt, placeholder, aria-label, the value of buttons). None of it
may contain an English string of the site's catalogue that the language translates: that is
interface text the page forgot to translate (a string not marked for translation, or a catalogue
that lacks it). The content the walk makes (titles, summaries, names) is English and stays so in the
locale copies; none of it is a string of the catalogue, so it cannot be taken for interface text. The
content that is ("Products", "Makers", the halal certificate's name) is translated, as editors do.
Words marked as another language (the language switcher's names, the footer's Indonesian address)
are left out; so are terms a language's own translations keep in Latin letters ("FOB", "Incoterm").
"""

import datetime
import functools
import re
from html.parser import HTMLParser

import polib
import pytest

from django.conf import settings
from django.test import Client
from django.utils.translation import to_locale

from orders.models import SampleOrder, ShippingZone
from storefront.translation import sync_locale_trees
from stories.models import EventIndexPage, StoryIndexPage
from tests import factories
from tests.orders.conftest import CONTACT
from tests.stories.conftest import make_event, make_story

pytestmark = pytest.mark.django_db

LANGUAGES = ["id", "zh-hans", "ja", "ar"]

# Attributes a person sees or hears (a screen reader reads aria-label and alt).
SHOWN_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}
BUTTON_INPUTS = {"submit", "button", "reset"}
HIDDEN_ELEMENTS = {"script", "style", "template"}
INLINE_ELEMENTS = {"a", "abbr", "b", "bdi", "cite", "em", "i", "q", "small", "span", "strong"}
VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# --- What a person sees of a page ---------------------------------------------------------------


class _VisibleText(HTMLParser):
    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.chunks = []
        self.left_out = []  # the open elements whose text is left out, innermost last

    def _leaves_out(self, tag, attrs):
        if tag in HIDDEN_ELEMENTS:
            return True
        # Words marked as another language on purpose: the language switcher's names of languages,
        # an Indonesian address. (An untranslated page's whole content is marked too, on a block
        # element around the buyer's interface: that is read.)
        return tag in INLINE_ELEMENTS and attrs.get("lang", self.language) != self.language

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.left_out or self._leaves_out(tag, attrs):
            if tag not in VOID_ELEMENTS:
                self.left_out.append(tag)
            return
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.chunks.append(attrs[name])
        if attrs.get("value") and (
            tag == "button" or (tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUTS)
        ):
            self.chunks.append(attrs["value"])

    def handle_startendtag(self, tag, attrs):
        if not self.left_out and not self._leaves_out(tag, dict(attrs)):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.left_out and self.left_out[-1] == tag:
            self.left_out.pop()

    def handle_data(self, data):
        if not self.left_out:
            self.chunks.append(data)


def visible_text(html, language="en"):
    """The page's visible text and shown attributes, one string, whitespace collapsed."""
    parser = _VisibleText(language)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.chunks).split())


# --- The English strings each language translates ---------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")


@functools.cache
def _catalogue(language):
    path = settings.BASE_DIR / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    return {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(path))
        if not entry.obsolete and "fuzzy" not in entry.flags
    }


def _translation(entry):
    if entry is None:
        return ""
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def _pattern(english):
    """A regex finding `english` as rendered: placeholders filled in, tags gone, any spacing."""
    parts = []
    for piece in re.split(r"(%\(\w+\)[sd]|%[sd]|<[^>]+>|\s+)", english):
        if not piece:
            continue
        if PLACEHOLDER.fullmatch(piece):
            parts.append(r"\S.{0,60}?")
        elif TAG.fullmatch(piece):
            parts.append(r"\s*")
        elif piece.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(piece))
    pattern = "".join(parts)
    stripped = english.strip()
    if re.match(r"\w", stripped):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", stripped):
        pattern += r"(?!\w)"
    return re.compile(pattern)


@functools.cache
def english_strings(language):
    """{English string: (a word it must contain, its regex)} for each msgid of the site's catalogue
    that `language` renders differently: its own translation differs from the English, or it lacks
    one where Indonesian has one (a missing translation is English on the page too). Left out:
    strings under four letters, and those the language's own translations keep (a term such as
    "Incoterm" written in Latin letters inside the Arabic)."""
    source = _catalogue("id")
    target = _catalogue(language)
    kept = "\n".join(_translation(entry) for entry in target.values())
    found = {}
    for key, entry in source.items():
        for english in filter(None, (entry.msgid, entry.msgid_plural)):
            literal = PLACEHOLDER.sub(" ", TAG.sub(" ", english))
            if len(re.sub(r"\W", "", literal)) < 4:
                continue
            translated = _translation(target.get(key)) or _translation(entry)
            if translated.strip() == english.strip():
                continue
            word = max(literal.split(), key=len)
            pattern = _pattern(english)
            if word in kept and pattern.search(kept):
                continue
            found[english] = (word, pattern)
    return found


def english_in(text, strings):
    found = {english for english, (word, pattern) in strings.items() if word in text and pattern.search(text)}
    # "Order status" found means "Order" was too: report the longest strings only.
    return sorted(s for s in found if not any(s != other and s in other for other in found))


# --- The pages of the walk ----------------------------------------------------------------------------


# The site's own content in each language, as its editors translate it.
SECTIONS = {
    "id": {
        "Export-ready makers of Malang, East Java": "Pelaku usaha Malang yang siap ekspor",
        "Products": "Produk",
        "Makers": "Pelaku usaha",
        "Halal certificate (BPJPH)": "Sertifikat halal (BPJPH)",
    },
    "zh-hans": {
        "Export-ready makers of Malang, East Java": "东爪哇玛琅的出口型制造商",
        "Products": "产品",
        "Makers": "制造商",
        "Halal certificate (BPJPH)": "清真认证（BPJPH）",
    },
    "ja": {
        "Export-ready makers of Malang, East Java": "輸出に対応する東ジャワ・マランのメーカー",
        "Products": "商品",
        "Makers": "メーカー",
        "Halal certificate (BPJPH)": "ハラール認証（BPJPH）",
    },
    "ar": {
        "Export-ready makers of Malang, East Java": "مصنّعون من مالانغ في جاوة الشرقية جاهزون للتصدير",
        "Products": "المنتجات",
        "Makers": "المصنّعون",
        "Halal certificate (BPJPH)": "شهادة الحلال (BPJPH)",
    },
}


@pytest.fixture(scope="module")
def walk(module_db):
    """Pages in every language, built once: the site's sections translated, a maker and its product
    with samples and a halal certificate, a story and an event (English, in every locale as copies)."""
    home, products, makers = factories.site()
    maker = factories.make_vendor(
        makers,
        "Keramik Lintang Dinoyo",
        district="lowokwaru",
        tagline="Glazed stoneware thrown by hand in Dinoyo since 1988",
        year_founded=1988,
        team_size=12,
        response_time_hours=24,
        contact_email="lintang@dinoyo.example",
    )
    halal = factories.make_certification_type()
    product = factories.make_product(
        maker,
        "Celadon tea bowl, speckled glaze",
        summary="Thrown celadon chawan, speckled with Dinoyo iron",
        certifications=[(halal, "ID35110000123450922")],
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
        sample_lead_time_days=7,
        materials="Dinoyo stoneware clay",
        weight_grams=320,
        shelf_life_months=24,
    )
    story_index = factories.publish(
        home.add_child(instance=StoryIndexPage(title="Kabar", slug="kabar", intro="Kabar dari Dinoyo"))
    )
    event_index = factories.publish(home.add_child(instance=EventIndexPage(title="Pameran", slug="pameran")))
    sync_locale_trees()
    for language, strings in SECTIONS.items():
        for instance in (home, products, makers, halal):
            factories.translate_page(instance, language, strings)
    story = make_story(story_index, "Lintang kiln relit in Dinoyo", intro="Dinoyo's oldest kiln, fired again")
    event = make_event(
        event_index,
        "Pameran Keramik Dinoyo 2027",
        datetime.date(2027, 6, 4),
        datetime.date(2027, 6, 6),
        vendors=[maker],
        venue="Kampung Keramik",
        city="Dinoyo",
        country="ID",
    )
    ShippingZone.objects.create(name="Rest of world", flat_rate=4500, is_default=True)
    return {
        "home": home,
        "products": products,
        "maker": maker,
        "product": product,
        "story": story,
        "event": event,
    }


def in_language(page, language):
    return page.get_translation(factories.locale(language)).specific


def walk_pages(walk, language):
    """(name, response) for each page of the walk in `language`, as a buyer reaches them."""
    buyer = Client()
    prefix = f"/{language}"
    product = in_language(walk["product"], language)
    yield "home", buyer.get(in_language(walk["home"], language).url)
    yield "catalogue", buyer.get(in_language(walk["products"], language).url)
    yield "product", buyer.get(product.url)
    yield "maker", buyer.get(in_language(walk["maker"], language).url)
    yield "story", buyer.get(in_language(walk["story"], language).url)
    yield "event", buyer.get(in_language(walk["event"], language).url)
    yield "inquiry form", buyer.get(f"{prefix}/inquiries/new/?product={product.pk}")
    added = buyer.post(f"{prefix}/samples/add/", {"product": product.pk, "quantity": 1})
    assert added.status_code == 302, added
    yield "sample box", buyer.get(f"{prefix}/samples/")
    yield "checkout", buyer.get(f"{prefix}/samples/checkout/")
    placed = buyer.post(f"{prefix}/samples/checkout/", {**CONTACT, "country": "JP"})
    assert placed.status_code == 302, placed.content.decode()[:2000]
    assert SampleOrder.objects.filter(language=language).exists()
    yield "order page", buyer.get(placed.url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_buyer_sees_no_english_interface_text(walk, language, settings):
    settings.STRIPE_SECRET_KEY = ""  # orders await an invoice: no payment service in the walk
    strings = english_strings(language)
    problems = []
    for name, response in walk_pages(walk, language):
        assert response.status_code == 200, f"{name} in {language}: {response.status_code}"
        assert response["Content-Language"] == language
        found = english_in(visible_text(response.content.decode(), language), strings)
        if found:
            problems.append(f"{name} ({response.wsgi_request.path}): " + "; ".join(map(repr, found)))
    assert not problems, f"English interface text in {language}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("language", "origin"),
    [
        ("en", "Lowokwaru, Kota Malang, East Java, Indonesia"),
        ("id", "Lowokwaru, Kota Malang, Jawa Timur, Indonesia"),
        ("zh-hans", "印度尼西亚东爪哇省玛琅市Lowokwaru区"),
        ("ja", "インドネシア 東ジャワ州 マラン市 Lowokwaru区"),
        ("ar", "Lowokwaru، مدينة مالانغ، جاوة الشرقية، إندونيسيا"),
    ],
)
def test_a_products_origin_is_its_makers_district_written_in_the_buyers_language(walk, language, origin):
    html = Client().get(in_language(walk["product"], language).url).content.decode()
    assert re.search(r'<th scope="row">[^<]+</th><td>([^<]*)</td></tr>\s*</tbody>', html).group(1) == origin


@pytest.mark.parametrize(
    ("language", "place"),
    [
        ("en", "<bdi>Kampung Keramik</bdi>, <bdi>Dinoyo</bdi>, <bdi>ID</bdi>"),
        # Arabic commas between names isolated from each other: read right to left, venue first.
        ("ar", "<bdi>Kampung Keramik</bdi>، <bdi>Dinoyo</bdi>، <bdi>ID</bdi>"),
        ("ja", "<bdi>ID</bdi> <bdi>Dinoyo</bdi> <bdi>Kampung Keramik</bdi>"),  # country first
    ],
)
def test_an_events_place_is_written_as_the_buyers_language_writes_it(walk, language, place):
    html = Client().get(in_language(walk["event"], language).url).content.decode()
    assert re.search(r"<dd>(<bdi>.*?)</dd>", html).group(1) == place


def _countries(html):
    select = re.search(r'<select name="country".*?</select>', html, re.S).group(0)
    return [
        name for value, name in re.findall(r'<option value="(\w*)"[^>]*>([^<]+)</option>', select) if value
    ]


@pytest.mark.parametrize(
    ("language", "in_order"),
    [
        ("en", ["Afghanistan", "Åland Islands", "Albania"]),  # Å with the A's, not after Z
        ("ja", ["ガーナ", "カナダ"]),  # voiced kana with their plain kana (gūna, kanada)
        ("ja", ["ナミビア", "日本", "ネパール"]),  # 日本 is read にほん
        ("ar", ["إيران", "أيرلندا", "آيسلندا"]),  # alif with hamza or madda is alif
    ],
)
def test_the_country_list_is_in_the_buyers_alphabetical_order(walk, language, in_order):
    product = in_language(walk["product"], language)
    countries = _countries(Client().get(f"/{language}/inquiries/new/?product={product.pk}").content.decode())
    assert len(countries) == 250
    positions = [countries.index(name) for name in in_order]
    assert positions == sorted(positions), [countries[i] for i in sorted(positions)]


# --- The walk's own reading of pages --------------------------------------------------------------------


def test_visible_text_leaves_out_scripts_and_reads_shown_attributes():
    html = (
        '<title>Sample box</title><style>.x{}</style><script>var t = "Checkout";</script>'
        '<img alt="Photo 1" src="x.png" data-label="Hidden"><input type="submit" value="Place order">'
        '<input type="hidden" name="next" value="Back">'
        '<p aria-label="Close">Lead <b>time</b></p>'
    )
    assert visible_text(html) == "Sample box Photo 1 Place order Close Lead time"


def test_english_strings_are_found_as_rendered_and_only_when_translated():
    strings = english_strings("ja")
    text = visible_text("<dt>Minimum order</dt><dd>100 pieces</dd><p>Ships in <b>7 days</b></p>", "ja")
    found = english_in(text, strings)
    assert found == ["%(days)s days", "%(quantity)s pieces", "Minimum order", "Ships in"]
    assert "pieces" in strings  # found too, but inside "%(quantity)s pieces": reported once
    # Content, a term the Japanese keeps ("FOB", "OEM"), and the Japanese itself are not English text.
    assert (
        english_in(visible_text("<dt>最小発注数量</dt><dd>Celadon tea bowl, FOB, OEM</dd>", "ja"), strings)
        == []
    )
    # Where Indonesian writes the English word (Indonesian "Total"), Indonesian keeps it.
    assert "Total" not in english_strings("id")

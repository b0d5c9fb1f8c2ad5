"""A buyer writes from the Japanese or Arabic site: the copy they get is in their language, the maker's
in Indonesian."""

from inquiries.models import Inquiry
from tests import factories

NAMES = {
    "ja": "手描き磁器のアロマバーナー",
    "id": "Tungku aroma porselen lukis tangan",
}


def translated_product(product):
    return {
        code: factories.translate_page(product, code, {"Hand-painted porcelain aroma burner": name})
        for code, name in NAMES.items()
    }


def test_a_japanese_buyers_copy_is_in_japanese_and_the_makers_in_indonesian(
    client, product, post_inquiry, mailoutbox
):
    copies = translated_product(product)
    form = client.get(f"/ja/inquiries/new/?product={copies['ja'].id}").content.decode()
    assert "最小発注数量" in form and "お名前" in form  # the form the buyer filled in was Japanese

    post_inquiry(copies["ja"], lang="ja", quantity="250", unit="pieces")

    inquiry = Inquiry.objects.get()
    to_maker, to_buyer = mailoutbox
    assert to_buyer.extra_headers["Content-Language"] == "ja"
    assert to_buyer.subject == f"Atelier Kabut Porselen へのお問い合わせ {inquiry.reference}"
    for japanese in (
        "お問い合わせいただき、ありがとうございます。",
        f"参照番号: {inquiry.reference}",
        f"商品: {NAMES['ja']}",
        "数量: 250個",
        "インコタームズ: FOB",
        "国: オランダ",
    ):
        assert japanese in to_buyer.body
    for english in ("Hello", "Thank you", "Reference", "Quantity", "pieces", "Country", "Netherlands"):
        assert english not in to_buyer.body

    # The maker reads Indonesian, and its product under the name it gave it, not the buyer's.
    assert to_maker.extra_headers["Content-Language"] == "id"
    assert NAMES["id"] in to_maker.subject and NAMES["id"] in to_maker.body
    assert NAMES["ja"] not in to_maker.body
    assert "Seorang pembeli" in to_maker.body and "250 buah" in to_maker.body


def test_the_makers_copy_keeps_the_buyers_name_for_a_product_without_an_indonesian_copy(
    product, post_inquiry, mailoutbox
):
    post_inquiry(product)  # the product's Indonesian page is still an untranslated alias

    to_maker, _to_buyer = mailoutbox
    assert "Hand-painted porcelain aroma burner" in to_maker.body


def test_an_arabic_buyers_copy_is_in_arabic(client, product, post_inquiry, mailoutbox):
    arabic = factories.translate_page(
        product, "ar", {"Hand-painted porcelain aroma burner": "مبخرة عطرية من الخزف مرسومة يدويًا"}
    )
    form = client.get(f"/ar/inquiries/new/?product={arabic.id}").content.decode()
    assert 'dir="rtl"' in form and "الحد الأدنى للطلب" in form  # the form the buyer filled in was Arabic

    post_inquiry(arabic, lang="ar", quantity="250", unit="pieces")

    inquiry = Inquiry.objects.get()
    _to_maker, to_buyer = mailoutbox
    assert to_buyer.extra_headers["Content-Language"] == "ar"
    assert to_buyer.subject == f"استفسارك {inquiry.reference} إلى Atelier Kabut Porselen"
    for line in (
        "مرحبًا،",
        f"الرقم المرجعي: {inquiry.reference}",
        "المنتج: مبخرة عطرية من الخزف مرسومة يدويًا",
        "الكمية: 250 قطعة",
        "شرط التسليم (Incoterm): FOB",
        "الدولة: هولندا",
    ):
        assert line in to_buyer.body.splitlines()
    for english in ("Hello", "Thank you", "Reference", "Quantity", "pieces", "Country", "Netherlands"):
        assert english not in to_buyer.body

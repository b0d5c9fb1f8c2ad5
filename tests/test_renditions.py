"""Publishing a product makes its image renditions, so the buyer's first view does not wait for them."""

import re
from io import BytesIO

from PIL import Image as PILImage

from django.core.files.images import ImageFile

from wagtail.images.models import Image

from catalog.models import ProductGalleryImage


def make_photo():
    buffer = BytesIO()
    PILImage.new("RGB", (1600, 1200), (40, 60, 140)).save(buffer, "JPEG")
    return Image.objects.create(title="Aroma burner", file=ImageFile(buffer, name="burner.jpg"))


def test_publishing_a_product_makes_every_rendition_its_pages_show(client, settings, product):
    settings.RENDITIONS_ON_PUBLISH = True
    photo = make_photo()
    product.gallery_images.add(ProductGalleryImage(image=photo, alt_text="A white porcelain burner"))
    product.save_revision().publish()
    made_specs = list(photo.renditions.values_list("filter_spec", flat=True))
    assert made_specs

    # The product page, the catalogue card and the maker page need nothing more.
    for url in (product.url, "/en/products/", product.get_parent().url):
        assert client.get(url).status_code == 200
    assert sorted(photo.renditions.values_list("filter_spec", flat=True)) == sorted(made_specs)


def test_without_the_setting_renditions_wait_for_the_first_view(client, settings, product):
    settings.RENDITIONS_ON_PUBLISH = False
    photo = make_photo()
    product.gallery_images.add(ProductGalleryImage(image=photo, alt_text="A white porcelain burner"))
    product.save_revision().publish()
    assert photo.renditions.count() == 0
    client.get(product.url)
    assert photo.renditions.count() > 0


def test_pictures_offer_avif_and_webp_with_a_sized_jpeg_fallback(client, settings, product):
    settings.RENDITIONS_ON_PUBLISH = True
    photo = make_photo()
    product.gallery_images.add(ProductGalleryImage(image=photo, alt_text='A "white" porcelain burner'))
    product.save_revision().publish()

    hero = re.search(r"<picture>.*?</picture>", client.get(product.url).content.decode(), re.S).group(0)
    sources = re.findall(r"<source ([^>]*)>", hero)
    assert [re.search(r'type="([^"]+)"', s).group(1) for s in sources] == ["image/avif", "image/webp"]
    for source in sources:  # every width the hero is made in, for the browser to choose from
        assert re.findall(r" (\d+)w", source) == ["480", "800", "1200"]
        assert 'sizes="(min-width: 64rem) 38rem, 94vw"' in source
    img = re.search(r"<img ([^>]*)>", hero).group(1)
    assert re.search(r'src="[^"]+\.fill-480x360\.format-jpeg\.jpg"', img)
    assert 'width="480"' in img and 'height="360"' in img
    assert 'alt="A &quot;white&quot; porcelain burner"' in img
    assert 'fetchpriority="high"' in img and "loading=" not in img  # the first thing a buyer sees

    card = re.search(r"<picture>.*?</picture>", client.get("/en/products/").content.decode(), re.S).group(0)
    assert card.count("<source") == 2
    assert 'loading="lazy"' in card and 'width="360"' in card and 'height="270"' in card


def test_avif_renditions_are_encoded_at_the_configured_speed(db, settings):
    noise = PILImage.effect_noise((720, 540), 60).convert("RGB")
    buffer = BytesIO()
    noise.save(buffer, "PNG")
    photo = Image.objects.create(title="Batik detail", file=ImageFile(buffer, name="batik.png"))
    made = {}
    for speed in (6, 9):
        settings.IMAGE_AVIF_SPEED = speed
        photo.renditions.all().delete()
        rendition = photo.get_rendition("fill-360x270|format-avif")
        with rendition.file.open("rb") as avif:
            made[speed] = avif.read()
        picture = PILImage.open(BytesIO(made[speed]))
        assert (picture.format, picture.size) == ("AVIF", (360, 270))
    assert made[6] != made[9]  # the setting reaches the encoder: Wagtail alone passes no speed

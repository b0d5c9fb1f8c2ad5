"""Publishing a product makes its image renditions, so the buyer's first view does not wait for them."""

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

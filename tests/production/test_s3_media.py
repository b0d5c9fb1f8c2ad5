"""Media on S3 against moto's S3 server: uploads, renditions, URLs and deletion.

The demo catalogue on S3 is tested in tests/catalog/test_seed_demo.py.
"""

import html
import re
import time
import urllib.error
import urllib.request
from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from catalog.models import ProductGalleryImage
from tests import factories
from tests.s3 import bucket_keys, use_s3_storage

pytestmark = pytest.mark.django_db

Image = get_image_model()


def png_bytes(colour=(200, 80, 40), size=(64, 48)):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def files_under(path):
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


@pytest.fixture
def admin_client(client, site_tree):
    user = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw")
    client.force_login(user)
    return client


def upload_through_admin(admin_client, name="tempe-chips.png", content=None):
    content = content or png_bytes()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Tempe chips", "file": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Image.objects.get(title="Tempe chips")


def store_image(title="Cover", colour=(10, 120, 200)):
    content = png_bytes(colour)
    name = title.lower().replace(" ", "-")
    image = Image(title=title, file=ImageFile(BytesIO(content), name=f"{name}.png"))
    image.save()
    return image, content


def test_admin_upload_goes_to_the_bucket_and_not_to_local_disk(admin_client, s3_media, s3_client, settings):
    content = png_bytes()
    image = upload_through_admin(admin_client, content=content)

    assert bucket_keys(s3_client, s3_media) == ["original_images/tempe-chips.png"]
    stored = s3_client.get_object(Bucket=s3_media, Key="original_images/tempe-chips.png")["Body"].read()
    assert stored == content
    assert image.width == 64 and image.height == 48
    assert files_under(settings.MEDIA_ROOT) == []


def test_same_file_name_twice_keeps_both_objects(admin_client, s3_media, s3_client):
    upload_through_admin(admin_client, content=png_bytes((1, 2, 3)))
    Image.objects.update(title="First")
    upload_through_admin(admin_client, content=png_bytes((4, 5, 6)))

    keys = bucket_keys(s3_client, s3_media)
    assert len(keys) == 2, keys
    assert "original_images/tempe-chips.png" in keys


def test_rendition_is_stored_in_the_bucket_with_a_signed_url_that_serves_it(s3_media, s3_client, s3_endpoint):
    image, _content = store_image()

    rendition = image.get_rendition("fill-32x32|format-png")

    assert rendition.file.name in bucket_keys(s3_client, s3_media)
    assert rendition.file.name.startswith("images/")
    assert rendition.url.startswith(f"{s3_endpoint}/{s3_media}/images/")
    assert "X-Amz-Signature=" in rendition.url
    status, body = fetch(rendition.url)
    assert status == 200
    served = PILImage.open(BytesIO(body))
    assert served.format == "PNG" and served.size == (32, 32)


def test_private_objects_are_not_served_without_a_signature(s3_media, s3_endpoint):
    image, _content = store_image()
    unsigned = image.file.url.split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(unsigned)
    assert refused.value.code == 403


def test_product_page_shows_photos_served_from_the_bucket(client, s3_media, s3_client, s3_endpoint, vendor):
    image, _content = store_image("Porcelain burner")
    product = factories.make_product(vendor, "Porcelain aroma burner")
    product.gallery_images.add(ProductGalleryImage(image=image, alt_text="White porcelain burner"))
    factories.publish(product)

    page = client.get(product.url)

    assert page.status_code == 200
    sources = [
        html.unescape(src)
        for src in re.findall(r'(?:src|srcset)="([^"]+)"', page.content.decode())
        if s3_endpoint in src
    ]
    assert sources, "no image on the product page is served from the bucket"
    first = sources[0].split(" ")[0]
    assert first.startswith(f"{s3_endpoint}/{s3_media}/images/")
    assert "X-Amz-Signature=" in first
    status, body = fetch(first)
    assert status == 200 and len(body) > 0
    renditions = [key for key in bucket_keys(s3_client, s3_media) if key.startswith("images/")]
    assert len(renditions) == image.renditions.count() >= 2


def _bucket_sources(page, s3_endpoint):
    return [
        html.unescape(src).split(" ")[0]
        for srcset in re.findall(r'(?:src|srcset)="([^"]+)"', page.content.decode())
        for src in srcset.split(", ")
        if s3_endpoint in src
    ]


def test_pages_reuse_their_pictures_signed_urls_which_still_serve_them(client, s3_media, s3_endpoint, vendor):
    # Signing a URL costs botocore about 0.2 ms, and a catalogue page shows some 150 of them:
    # storefront.storage.MediaStorage hands a signed URL out again for half its lifetime.
    image, _content = store_image("Porcelain burner")
    product = factories.make_product(vendor, "Porcelain aroma burner")
    product.gallery_images.add(ProductGalleryImage(image=image, alt_text="White porcelain burner"))
    factories.publish(product)

    for url in (product.url, "/en/products/"):
        first = _bucket_sources(client.get(url), s3_endpoint)
        time.sleep(1.1)  # a URL signed again would carry another time (X-Amz-Date, to the second)
        again = _bucket_sources(client.get(url), s3_endpoint)
        assert first and first == again, url
    for url in set(first):
        assert "X-Amz-Signature=" in url
        status, body = fetch(url)
        assert status == 200 and len(body) > 0


def test_a_signed_url_is_signed_afresh_once_half_its_lifetime_is_over(settings, s3_endpoint, bucket):
    use_s3_storage(settings, s3_endpoint, bucket, querystring_expire=2)  # reused for 1 s
    image, content = store_image("Batik scarf")
    first = image.file.url
    assert image.file.url == first
    time.sleep(1.1)
    fresh = image.file.url
    assert fresh != first and "X-Amz-Signature=" in fresh
    assert fetch(fresh) == (200, content)


def test_a_check_warns_when_cached_pages_can_outlive_their_signed_urls(settings, s3_endpoint, bucket):
    settings.PAGE_CACHE, settings.PAGE_CACHE_SECONDS = True, 600
    settings.PAGE_CACHE_CDN_MAX_AGE, settings.PAGE_CACHE_MAX_AGE = 300, 60
    use_s3_storage(settings, s3_endpoint, bucket, querystring_expire=3600)
    assert _check_warnings() == []

    use_s3_storage(settings, s3_endpoint, bucket, querystring_expire=1800)  # reused 900 s + kept 960 s
    [warning] = _check_warnings()
    assert "AWS_QUERYSTRING_EXPIRE" in warning.msg and "960 s" in warning.msg

    use_s3_storage(settings, s3_endpoint, bucket, querystring_expire=1800, querystring_auth=False)
    assert _check_warnings() == []


def _check_warnings():
    from django.core.checks import run_checks

    return [message for message in run_checks() if message.id == "home.W001"]


def test_public_bucket_behind_a_custom_domain_gives_plain_urls(settings, s3_endpoint, bucket, s3_client):
    # The custom domain here is moto itself (path-style), standing in for a CDN in front of the bucket.
    domain = f"{s3_endpoint.removeprefix('http://')}/{bucket}"
    use_s3_storage(
        settings,
        s3_endpoint,
        bucket,
        custom_domain=domain,
        url_protocol="http:",
        querystring_auth=False,
        default_acl="public-read",
    )
    image, content = store_image("Batik scarf")

    rendition = image.get_rendition("width-20|format-png")

    assert image.file.url == f"http://{domain}/original_images/batik-scarf.png"
    assert rendition.url == f"http://{domain}/{rendition.file.name}"
    assert "X-Amz" not in rendition.url
    assert fetch(image.file.url) == (200, content)
    status, body = fetch(rendition.url)
    assert status == 200 and PILImage.open(BytesIO(body)).width == 20


def test_deleting_an_image_in_the_admin_removes_its_objects(
    admin_client, s3_media, s3_client, django_capture_on_commit_callbacks
):
    image = upload_through_admin(admin_client)
    image.get_rendition("fill-32x32|format-png")
    image.get_rendition("width-16|format-webp")
    assert len(bucket_keys(s3_client, s3_media)) == 3

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/images/{image.pk}/delete/")

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert bucket_keys(s3_client, s3_media) == []


def test_document_scans_stay_private_in_a_public_bucket(
    settings, s3_endpoint, bucket, s3_client, admin_client
):
    """A certificate scan is never a public-read object, nor handed out as the bucket's URL."""
    domain = f"{s3_endpoint.removeprefix('http://')}/{bucket}"
    use_s3_storage(
        settings,
        s3_endpoint,
        bucket,
        custom_domain=domain,
        url_protocol="http:",
        querystring_auth=False,
        default_acl="public-read",
    )
    scan = b"%PDF-1.4 halal certificate scan\n%%EOF"
    document = get_document_model().objects.create(
        title="Halal certificate", file=ContentFile(scan, name="sertifikat.pdf")
    )
    key = document.file.name

    grants = s3_client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("/AllUsers")], grants
    assert s3_client.head_object(Bucket=bucket, Key=key)["CacheControl"] == "private, no-store"
    with pytest.raises(urllib.error.HTTPError):
        fetch(f"http://{domain}/{key}")
    # Served through Wagtail's view (which checks the collection's privacy), not redirected to the bucket.
    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == scan

"""Admin image uploads: a decompression bomb (a huge image in a small file) and a corrupt file are
refused with a clear error, never stored, never a server error."""

import struct
import zlib
from io import BytesIO, StringIO

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.users.models import UserProfile


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width=11000, height=11000):
    """A black greyscale PNG of width × height pixels that compresses to about 100 KB."""
    row = b"\x00" + b"\x00" * width
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")
    )


def sound_png():
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), (200, 90, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def corrupt_png():
    """A PNG whose header is right and whose pixel data is garbage."""
    good = sound_png()
    start = good.index(b"IDAT") + 4
    return good[:start] + b"\xde\xad\xbe\xef" * 40 + good[start + 160 :]


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.com", "x")
    client.force_login(user)
    return client


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/png")


@pytest.mark.parametrize("content", [bomb_png, corrupt_png], ids=["bomb", "corrupt"])
def test_multiple_upload_refuses_the_file_with_an_error(superuser_client, content):
    response = superuser_client.post(
        "/admin/images/multiple/add/", {"files[]": upload("picture.png", content())}
    )
    assert response.status_code == 200
    result = response.json()
    assert result["success"] is False
    assert result["error_message"]
    assert get_image_model().objects.count() == 0

    sound = superuser_client.post(
        "/admin/images/multiple/add/", {"files[]": upload("sound.png", sound_png())}
    )
    assert sound.json()["success"] is True
    assert get_image_model().objects.get().width == 64


@pytest.mark.parametrize("content", [bomb_png, corrupt_png], ids=["bomb", "corrupt"])
def test_single_upload_refuses_the_file_with_an_error(superuser_client, content):
    response = superuser_client.post(
        "/admin/images/add/", {"title": "Picture", "file": upload("picture.png", content())}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0

    sound = superuser_client.post(
        "/admin/images/add/", {"title": "Sound", "file": upload("sound.png", sound_png())}
    )
    assert sound.status_code == 302
    assert get_image_model().objects.get().title == "Sound"


def test_a_damaged_file_is_explained_in_the_editors_language(superuser_client, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="curator"))
    profile.preferred_language = "id"
    profile.save()

    response = superuser_client.post(
        "/admin/images/add/", {"title": "Picture", "file": upload("picture.png", corrupt_png())}
    )
    assert response.status_code == 200
    assert "Berkas gambar ini rusak atau tidak lengkap." in response.content.decode()


def test_a_damaged_file_is_still_refused_once_the_monthly_report_was_made(superuser_client, settings):
    # The monthly PDF is made with WeasyPrint, whose import makes Pillow accept damaged images for
    # the whole process; an admin serving uploads in that process must not.
    settings.TRADE_OFFICE_EMAIL = "dinas@example.com"
    call_command("send_monthly_report", "--month", "2026-03", stdout=StringIO())

    response = superuser_client.post(
        "/admin/images/add/", {"title": "Picture", "file": upload("picture.png", corrupt_png())}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0

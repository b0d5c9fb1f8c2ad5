"""Local media (no bucket set): URLs as Django's FileSystemStorage makes them, made faster."""

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage

from storefront.storage import LocalMediaStorage

NAMES = [
    "original_images/burner.jpg",
    "images/burner.fill-360x270.format-avif.avif",
    "images/tungku aroma (putih) 100%.jpg",
    "images/玛琅白瓷.jpg",
    "images/a#b?c=d&e.jpg",
    "images/colon:name;semi.jpg",
    "/leading/slash.jpg",
    "images/tilde~and'quote!.jpg",
    "",
    None,
]


@pytest.mark.parametrize("base_url", ["/media/", "/media", "https://cdn.example.org/etalase/media/"])
@pytest.mark.parametrize("name", NAMES)
def test_urls_are_those_of_djangos_file_system_storage(tmp_path, base_url, name):
    ours = LocalMediaStorage(location=tmp_path, base_url=base_url)
    djangos = FileSystemStorage(location=tmp_path, base_url=base_url)
    assert ours.url(name) == djangos.url(name)


def test_media_is_local_without_a_bucket_and_a_saved_file_has_its_url(settings, tmp_path):
    assert isinstance(default_storage, LocalMediaStorage)
    storage = LocalMediaStorage(location=tmp_path, base_url="/media/")
    name = storage.save("images/tungku aroma.jpg", ContentFile(b"jpeg"))
    assert storage.url(name) == "/media/" + name.replace(" ", "%20")
    assert (tmp_path / name).read_bytes() == b"jpeg"

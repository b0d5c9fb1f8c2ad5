"""What writing a catalogue page's picture URLs costs, by media storage: the median of N pages.

    .venv/bin/python benchmarks/media_urls.py --pages 200

A catalogue page of 24 products shows 144 rendition URLs (two sizes in AVIF, WebP and JPEG). This
asks a storage for 144 distinct names, as a page does, for each storage a site can be configured
with. S3 storages are configured but never contacted: signing a URL is computed locally.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")

import django  # noqa: E402

django.setup()

from storages.backends.s3 import S3Storage  # noqa: E402

from django.core.files.storage import FileSystemStorage  # noqa: E402

from storefront.storage import LocalMediaStorage, MediaStorage  # noqa: E402

URLS_PER_PAGE = 144
S3 = {
    "bucket_name": "etalase-media",
    "endpoint_url": "https://s3.ap-southeast-3.amazonaws.com",
    "region_name": "ap-southeast-3",
    "access_key": "AKIAEXAMPLEEXAMPLE00",  # never sent anywhere: signing is local
    "secret_key": "example-secret-example-secret-example-00",
    "signature_version": "s3v4",
    "querystring_expire": 3600,
}


def storages():
    return [
        ("local disk: Django's FileSystemStorage", FileSystemStorage(base_url="/media/")),
        ("local disk: LocalMediaStorage (this project)", LocalMediaStorage(base_url="/media/")),
        (
            "S3, public, CDN domain (AWS_QUERYSTRING_AUTH=0)",
            S3Storage(**S3, querystring_auth=False, custom_domain="media.example.org"),
        ),
        ("S3, private, signed: django-storages' S3Storage", S3Storage(**S3, querystring_auth=True)),
        ("S3, private, signed: MediaStorage (this project)", MediaStorage(**S3, querystring_auth=True)),
    ]


def page_names(page):
    return [
        f"images/product-{page}-{n}.2e16d0ba.fill-{size}.format-{fmt}.{fmt}"
        for n in range(URLS_PER_PAGE // 6)
        for size in ("360x270", "720x540")
        for fmt in ("avif", "webp", "jpeg")
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--distinct-pages", type=int, default=20, help="catalogue pages the visits go round")
    args = parser.parse_args()

    pages = [page_names(page) for page in range(args.distinct_pages)]
    print(f"| storage | ms per catalogue page ({URLS_PER_PAGE} URLs), median of {args.pages} |")
    print("|---|---|")
    for label, storage in storages():
        storage.url(pages[0][0])  # warm-up: the S3 client
        timings = []
        for visit in range(args.pages):
            names = pages[visit % len(pages)]
            started = time.perf_counter()
            for name in names:
                storage.url(name)
            timings.append((time.perf_counter() - started) * 1000)
        print(f"| {label} | {statistics.median(timings):.2f} |", flush=True)


if __name__ == "__main__":
    main()

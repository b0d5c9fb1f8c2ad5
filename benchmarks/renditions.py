"""What making a rendition costs, by format and libavif speed: the median of N rounds.

    .venv/bin/python benchmarks/renditions.py --rounds 5

Wagtail makes a page's renditions on its first view (or, with a task worker, when it is
published): a product card needs 6 (two sizes in AVIF, WebP and JPEG), a product's gallery 9, a
maker's banner 9. This runs Wagtail's own filters (`Filter.run`, what `get_rendition` calls) on
one drawn demo photo (1200×900) and one photograph-like picture, for each spec, with AVIF at
Pillow's default speed (6) and at the project's `IMAGE_AVIF_SPEED`, the two taking turns.
Nothing is saved: no database or storage is used.
"""

import argparse
import os
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")

import django  # noqa: E402

django.setup()

from PIL import Image as PILImage  # noqa: E402
from PIL import ImageFilter  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402

from wagtail.images import get_image_model  # noqa: E402
from wagtail.images.models import Filter  # noqa: E402

from catalog.demo.images import product_image  # noqa: E402

SPECS = [
    ("product card, 360 px", "fill-360x270|format-avif"),
    ("product card, 720 px", "fill-720x540|format-avif"),
    ("gallery, 1200 px", "fill-1200x900|format-avif"),
    ("product card, 720 px, WebP", "fill-720x540|format-webp"),
    ("product card, 720 px, JPEG", "fill-720x540|format-jpeg"),
]


def pictures():
    drawn = product_image("vase", "crafts", 7)
    # Photograph-like: fine grain over soft shapes, which compresses like a photo, not a drawing.
    photo = PILImage.effect_noise((1200, 900), 24).convert("RGB")
    photo = PILImage.blend(photo, photo.filter(ImageFilter.GaussianBlur(6)), 0.6)
    buffer = BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    return [("drawn demo photo", drawn), ("photograph-like", buffer.getvalue())]


def render(content, spec):
    image = get_image_model()(title="benchmark", width=1200, height=900, collection_id=1)
    image.file = ImageFile(BytesIO(content), name="benchmark.jpg")
    output = BytesIO()
    started = time.perf_counter()
    Filter(spec=spec).run(image, output)
    return (time.perf_counter() - started) * 1000, len(output.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    speeds = sorted({6, settings.IMAGE_AVIF_SPEED})
    print(f"{args.rounds} rounds, AVIF quality {getattr(settings, 'WAGTAILIMAGES_AVIF_QUALITY', 61)}")
    print("| picture | rendition | " + " | ".join(f"speed {s}: ms, bytes" for s in speeds) + " |")
    print("|---|---|" + "---|" * len(speeds))
    for picture, content in pictures():
        for label, spec in SPECS:
            times, sizes = {s: [] for s in speeds}, {}
            for _ in range(args.rounds):
                for speed in speeds:  # taking turns, so both see the same machine
                    settings.IMAGE_AVIF_SPEED = speed
                    elapsed, size = render(content, spec)
                    times[speed].append(elapsed)
                    sizes[speed] = size
            cells = [f"{statistics.median(times[s]):.0f} ms, {sizes[s]:,} B" for s in speeds]
            print(f"| {picture} | {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

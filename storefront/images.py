"""The admin's image form: an upload that cannot be decoded to its last pixel is refused with a
clear error, instead of a server error while it is checked or when its first rendition is made.

Wagtail's own image field checks the file's type, size and pixel count
(`WAGTAILIMAGES_MAX_IMAGE_PIXELS`) from its header, and lets Pillow's error escape when the header
cannot be read to the end; a file with a good header and damaged pixel data passes it. Wagtail
builds every upload form (single, multiple, replacing a file) on `WAGTAILIMAGES_IMAGE_FORM_BASE`.
"""

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete. Save it again from your image editor and upload it again."
)
# What Pillow raises for a file it cannot decode.
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError)


class DecodedImageField(WagtailImageField):
    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except DECODING_ERRORS as exc:
            raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="invalid_image") from exc
        if upload is not None:
            check_decodes(upload)
        return upload


def check_decodes(upload):
    """Decode the whole image: the field has already refused more pixels than the site allows."""
    upload.seek(0)
    try:
        with PILImage.open(upload) as image:
            image.load()
    except UnidentifiedImageError:
        pass  # a format Willow reads and Pillow does not: Wagtail's field has accepted it
    except DECODING_ERRORS as exc:
        raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="invalid_image") from exc
    finally:
        upload.seek(0)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's form builder makes the file field itself (not through `field_classes`); the
        # multiple uploader's edit form has none.
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = DecodedImageField(
                label=field.label, required=field.required, widget=field.widget
            )


def encode_avif_at_configured_speed():
    """Make every AVIF that Pillow writes (Wagtail's `format-avif` renditions) at libavif's speed
    `settings.IMAGE_AVIF_SPEED`.

    Wagtail passes only a quality to Pillow, so Pillow encodes at its default speed, 6, which a
    buyer's first view of a page (or a publish) waits for. At speed 8 an AVIF is made 2–8× faster,
    about as small for a photograph (benchmarks/renditions.py). The speed goes in through Pillow's
    own plugin registry (`register_save`) as a default save parameter.
    """
    from PIL import AvifImagePlugin  # noqa: F401 - registers Pillow's AVIF writer

    save = PILImage.SAVE["AVIF"]
    save = getattr(save, "pillow_save", save)  # registered once, however often this is called

    def save_avif(image, fp, filename):
        image.encoderinfo.setdefault("speed", settings.IMAGE_AVIF_SPEED)
        return save(image, fp, filename)

    save_avif.pillow_save = save
    PILImage.register_save("AVIF", save_avif)

"""Organisation logos: check an upload is a real, modest image and store a clean copy.

The content decides, not the file name: Pillow must recognise a PNG, JPEG or WebP
image whose pixel size is read from its header before anything is decoded, so a
small file that unpacks into a huge picture (a decompression bomb) never gets
decoded. What is stored is re-encoded as PNG, at most ``LOGO_BOX`` pixels, without
EXIF or other metadata.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS_PER_SIDE = 4000
LOGO_BOX = (600, 600)
ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP"}


def logo_from_upload(upload: UploadedFile) -> ContentFile:
    """The uploaded logo, validated and re-encoded; ``ValidationError`` says what is wrong."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(
            _("The logo is larger than 2 MB. Please choose a smaller file."), code="too_large"
        )
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return _reencoded(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                _("This file is not an image we can read. Please upload a PNG, JPEG or WebP."),
                code="not_an_image",
            ) from error


def _reencoded(upload: UploadedFile) -> ContentFile:
    with Image.open(upload) as image:
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError(
                _("Only PNG, JPEG or WebP images can be used as logo."), code="format"
            )
        width, height = image.size  # from the header; nothing decoded yet
        if width > MAX_PIXELS_PER_SIDE or height > MAX_PIXELS_PER_SIDE:
            raise _too_many_pixels()
        image.load()
        picture = ImageOps.exif_transpose(image)  # keep the orientation, drop the EXIF
        picture = picture.convert("RGBA" if _has_transparency(picture) else "RGB")
    picture.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return ContentFile(output.getvalue(), name="logo.png")


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The logo may be at most 4000 × 4000 pixels. Please choose a smaller image."),
        code="too_many_pixels",
    )

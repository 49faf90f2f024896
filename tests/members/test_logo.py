"""Logos: only real PNG, JPEG or WebP images of modest size, stored re-encoded.

``world.company``'s admin uploads through the profile form; bad files get a message
next to the field, a 400, and nothing is stored.
"""

import io
import os
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from members.images import logo_from_upload
from members.models import Organisation
from tests.members.self_service_helpers import (
    image_bytes,
    profile_of,
    sign_in_as,
    upload,
)

pytestmark = pytest.mark.django_db


def edit_url(organisation: Organisation) -> str:
    return reverse("members:organisation_edit", args=[organisation.slug])


def post_logo(client, organisation, file, **extra):
    data = profile_of(organisation, logo=file, **extra)
    return client.post(edit_url(organisation), data)


def stored_image(organisation: Organisation) -> Image.Image:
    organisation.refresh_from_db()
    with organisation.logo.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --- Good logos -------------------------------------------------------------------------------


def test_logo_png_is_stored_as_png_and_shown_on_the_profile(client, world):
    sign_in_as(client, world, "owner")
    response = post_logo(client, world.company, upload(image_bytes((300, 100))))
    assert response.status_code == 302
    image = stored_image(world.company)
    assert (image.format, image.size) == ("PNG", (300, 100))
    page = client.get(world.company.get_absolute_url()).content.decode()
    assert f'src="{world.company.logo.url}"' in page
    assert f'alt="Logo of {world.company.name}"' in page


def test_logo_wide_jpeg_is_resized_to_600_pixels_and_exif_dropped(client, world):
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"  # Make
    exif[0x8825] = {2: (51.0, 28.0, 0.0)}  # GPS: latitude
    jpeg = image_bytes((1200, 400), image_format="JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(jpeg)).getexif()
    sign_in_as(client, world, "owner")
    assert (
        post_logo(client, world.company, upload(jpeg, "foto.jpg", "image/jpeg")).status_code == 302
    )
    image = stored_image(world.company)
    assert (image.format, image.size) == ("PNG", (600, 200))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info


def test_logo_webp_with_transparency_keeps_it(client, world):
    webp = image_bytes((80, 80), image_format="WEBP", mode="RGBA")
    sign_in_as(client, world, "owner")
    assert (
        post_logo(client, world.company, upload(webp, "logo.webp", "image/webp")).status_code == 302
    )
    assert stored_image(world.company).mode == "RGBA"


def test_logo_replaced_then_removed(client, world):
    sign_in_as(client, world, "owner")
    post_logo(client, world.company, upload(image_bytes((50, 50))))
    world.company.refresh_from_db()
    first = world.company.logo.name
    post_logo(client, world.company, upload(image_bytes((60, 60))))
    world.company.refresh_from_db()
    assert world.company.logo.name != first
    response = client.post(edit_url(world.company), profile_of(world.company, remove_logo="on"))
    assert response.status_code == 302
    world.company.refresh_from_db()
    assert world.company.logo.name == ""
    assert "profile-logo" not in client.get(world.company.get_absolute_url()).content.decode()


def test_logo_shown_in_directory_results(client, world):
    sign_in_as(client, world, "owner")
    post_logo(client, world.company, upload(image_bytes((50, 50))))
    world.company.refresh_from_db()
    world.company.confirmed_on = world.company.updated_at.date()
    world.company.save()
    content = client.get(reverse("members:directory")).content.decode()
    assert f'<img class="card-logo" src="{world.company.logo.url}"' in content


# --- Bad files: a message next to the field, a 400, nothing stored ---------------------------


def _refused(client, world, file) -> str:
    sign_in_as(client, world, "owner")
    response = post_logo(client, world.company, file, description="Neu beschrieben")
    assert response.status_code == 400
    world.company.refresh_from_db()
    assert world.company.logo.name == ""
    assert world.company.description == ""  # nothing saved half-way
    return response.content.decode()


def test_logo_larger_than_2_mb_refused(client, world):
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    output = io.BytesIO()
    noise.save(output, format="PNG")
    assert output.tell() > 2 * 1024 * 1024
    content = _refused(client, world, upload(output.getvalue()))
    assert "The logo is larger than 2 MB. Please choose a smaller file." in content


def test_logo_over_4000_pixels_refused(client, world):
    content = _refused(client, world, upload(image_bytes((4001, 10))))
    assert "The logo may be at most 4000 × 4000 pixels." in content


def test_logo_decompression_bomb_refused_without_decoding(client, world):
    content = _refused(client, world, upload(png_claiming_size(100_000, 100_000)))
    assert "The logo may be at most 4000 × 4000 pixels." in content


def test_logo_text_file_renamed_png_refused(client, world):
    content = _refused(client, world, upload(b"Das ist kein Bild.\n" * 20, "logo.png"))
    assert "This file is not an image we can read. Please upload a PNG, JPEG or WebP." in content


def test_logo_truncated_png_refused(client, world):
    content = _refused(client, world, upload(image_bytes((200, 200))[:80]))
    assert "This file is not an image we can read." in content


def test_logo_gif_refused_by_its_content_whatever_its_name(client, world):
    content = _refused(client, world, upload(image_bytes((20, 20), image_format="GIF")))
    assert "Only PNG, JPEG or WebP images can be used as logo." in content


def test_logo_svg_refused(client, world):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    content = _refused(client, world, upload(svg, "logo.svg", "image/svg+xml"))
    assert "This file is not an image we can read." in content


def test_logo_from_upload_raises_with_codes():
    with pytest.raises(ValidationError) as error:
        logo_from_upload(upload(b"not an image"))
    assert error.value.code == "not_an_image"
    with pytest.raises(ValidationError) as error:
        logo_from_upload(upload(image_bytes((4000, 4001))))
    assert error.value.code == "too_many_pixels"

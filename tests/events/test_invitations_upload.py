"""Invitations to an uploaded address list: good files in several encodings, and bad ones
refused with the rows named and nothing saved."""

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.address_lists import MAX_BYTES
from events.models import InvitationBatch
from events.selectors.audience import recipients_for
from tests.events.invitation_fixtures import audience_fixture  # noqa: F401
from tests.events.manage_helpers import as_user

pytestmark = pytest.mark.django_db


def _upload(client, audience, content: bytes, name: str = "adressen.csv"):
    url = reverse("events:manage_invite", args=[audience.event.pk])
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(url, {"source": "addresses", "people": "all", "address_file": upload})


def _file_errors(response) -> list[str]:
    return list(response.context["form"].errors["address_file"])


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Name;E-Mail\nJörg Müller;joerg@example.net\n", "utf-8"),
        ("Name;E-Mail\nJörg Müller;joerg@example.net\n", "cp1252"),
        ("Name;E-Mail\nJörg Müller;joerg@example.net\n", "utf-8-sig"),
        ("Name\tE-Mail\nJörg Müller\tjoerg@example.net\n", "utf-16"),
        ("joerg@example.net,Jörg Müller\n", "utf-8"),
        ("Vorname;Nachname;E-Mail\nJörg;Müller;JOERG@example.net\n", "utf-8"),
    ],
)
def test_address_list_read_in_common_encodings(client, audience, world, content, encoding):
    as_user(client, world.manager)

    response = _upload(client, audience, content.encode(encoding))

    batch = InvitationBatch.objects.get()
    assert response.status_code == 302
    assert batch.addresses == [["joerg@example.net", "Jörg Müller"]]
    assert (batch.source, batch.file_name) == ("addresses", "adressen.csv")
    assert [r.email for r in recipients_for(batch).recipients] == ["joerg@example.net"]


def test_address_list_skips_repeated_addresses(client, audience, world):
    as_user(client, world.manager)
    content = "a@example.net\nb@example.net\nA@example.net;Anna\n\n;;\n"

    response = _upload(client, audience, content.encode())

    assert response.status_code == 302
    assert InvitationBatch.objects.get().addresses == [
        ["a@example.net", ""],
        ["b@example.net", ""],
    ]


def test_bad_addresses_named_by_row_and_nothing_saved(client, audience, world):
    as_user(client, world.manager)
    content = (
        "Name;E-Mail\nGut;gut@example.net\nKaputt;kaputt@@example\nOhne;\nZwei;a@b.de;c@d.de\n"
    )

    response = _upload(client, audience, content.encode())

    assert response.status_code == 400
    assert _file_errors(response) == [
        "Row 3: “kaputt@@example” is not a valid e-mail address.",
        "Row 4: This row has no e-mail address.",
        "Row 5: This row has more than one e-mail address.",
    ]
    assert "Row 3: “kaputt@@example” is not a valid e-mail address." in response.text
    assert not InvitationBatch.objects.exists()


def test_too_large_file_refused(client, audience, world):
    as_user(client, world.manager)
    line = b"someone.with.a.long.address@example.net;Jemand\n"
    content = line * (MAX_BYTES // len(line) + 1)

    response = _upload(client, audience, content)

    assert response.status_code == 400
    assert _file_errors(response) == ["The file is 1.0\xa0MB large; at most 1.0\xa0MB are allowed."]
    assert not InvitationBatch.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        "a@example.net\n".encode("utf-32"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    ],
)
def test_wrong_encoding_or_not_a_text_file_refused(client, audience, world, content):
    as_user(client, world.manager)

    response = _upload(client, audience, content, name="adressen.xlsx")

    assert response.status_code == 400
    assert "This is not a CSV text file." in _file_errors(response)[0]
    assert not InvitationBatch.objects.exists()


def test_broken_utf16_refused(client, audience, world):
    as_user(client, world.manager)

    response = _upload(client, audience, codecs.BOM_UTF16_LE + b"a\x00@\x00b\xd8")

    assert response.status_code == 400
    assert "could not be read" in _file_errors(response)[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"  \n", "The file is empty."),
        (b"Name;E-Mail\n", "The file contains no e-mail addresses."),
    ],
)
def test_empty_lists_refused(client, audience, world, content, message):
    as_user(client, world.manager)

    response = _upload(client, audience, content)

    assert response.status_code == 400
    assert _file_errors(response) == [message]
    assert not InvitationBatch.objects.exists()

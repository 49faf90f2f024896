"""Helpers of the self-service tests: who is who, signing in, profile data, images."""

import io

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.models import Person
from tests import factories

# Every side of a permission: the organisation's admin and staff, an admin of another
# organisation, a manager of a network it is active in, a manager of another network,
# a platform admin, a signed-in user without organisation, and anonymous visitors.
CAN_CHANGE = ["owner", "manager", "platform_admin"]
CANNOT_CHANGE = ["colleague", "other_admin", "other_manager", "outsider", "partner"]


def other_admin(world):
    """An admin of another organisation in the same network."""
    other = factories.OrganisationFactory(name="Nachbar Umformtechnik GmbH")
    factories.MembershipFactory(organisation=other, network=world.network)
    return factories.PersonFactory(organisation=other, role=Person.Role.ADMIN).user


def user_for(world, role: str):
    if role == "anonymous":
        return AnonymousUser()
    if role == "other_admin":
        return other_admin(world)
    return getattr(world, role)


def sign_in_as(client, world, role: str):
    """Sign ``role`` in (English pages, the texts asserted); returns the user."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    user = user_for(world, role)
    if role != "anonymous":
        client.force_login(user)
    return user


def profile_data(**overrides) -> dict:
    data = {
        "name": "Ruhr Antriebstechnik GmbH",
        "kind": "company",
        "street": "Alleestraße 12",
        "postal_code": "44787",
        "city": "Bochum",
        "region": "",
        "size": "small",
        "description": "Getriebe und Antriebe für den Maschinenbau.",
        "products": "Stirnradgetriebe",
        "competences": "Verzahnung, Montage",
        "website": "ruhr-antrieb.example",
        "email": "info@ruhr-antrieb.example",
        "phone": "0234 000000-0",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def profile_of(organisation, **overrides) -> dict:
    """The organisation's current profile as form data, with ``overrides``."""
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "street": organisation.street,
        "postal_code": organisation.postal_code or "44787",
        "city": organisation.city or "Bochum",
        "region": organisation.region_id or "",
        "size": organisation.size,
        "description": organisation.description,
        "products": organisation.products,
        "competences": organisation.competences,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "visibility": organisation.visibility,
        "sectors": [sector.pk for sector in organisation.sectors.all()],
        "training_occupations": [o.pk for o in organisation.training_occupations.all()],
    }
    data.update(overrides)
    return data


def image_bytes(size=(120, 60), image_format="PNG", mode="RGB", **save_options) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, color=(11, 79, 138) if mode == "RGB" else None).save(
        output, format=image_format, **save_options
    )
    return output.getvalue()


def upload(content: bytes, name: str = "logo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)

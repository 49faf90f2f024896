"""Self-service data export: everything about the signed-in person, nothing about others."""

import json
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Registration
from members.models import ColleagueInvitation, JoinRequest, Person, User
from network_portal.models import AuditEntry, ConsentPurpose, MailPreference, OutgoingMail
from network_portal.privacy import export
from network_portal.privacy.consent import consent_give
from network_portal.privacy.export import Column, Section
from tests import factories
from tests.cooperations.factories import (
    DigestSubscriptionFactory,
    InterestFactory,
    ListingFactory,
)
from tests.privacy.helpers import signed_in

EXPORT_PAGE = reverse("privacy:export")
EXPORT_JSON = reverse("privacy:export_download")

pytestmark = pytest.mark.django_db


@dataclass
class Populated:
    user: User
    colleague: User
    registration: Registration


def _mail(recipient: str, subject: str, body: str) -> OutgoingMail:
    return OutgoingMail.objects.create(
        key=f"test:{recipient}:{subject}",
        kind="test",
        recipient=recipient,
        from_email="portal@example.org",
        subject=subject,
        body_text=body,
    )


@pytest.fixture
def populated(world) -> Populated:
    owner, colleague = world.owner, world.colleague
    Person.objects.filter(user=owner).update(phone="02331 4711", function="Ausbildungsleitung")
    Person.objects.filter(user=colleague).update(phone="02331 0815")
    event = factories.EventFactory(title="Sommerfest der Metaller")
    workshop = factories.WorkshopFactory(event=event, title="Workshop Lean Production")
    registration = factories.RegistrationFactory(
        event=event, person=owner.people.get(), access_needs="Rollstuhlplatz"
    )
    factories.WorkshopChoiceFactory(registration=registration, session=workshop)
    factories.RegistrationFactory(
        event=event,
        person=colleague.people.get(),
        registered_by=owner,
        access_needs="Geheimnis der Kollegin",
    )
    consent_give(
        purpose=ConsentPurpose.EVENT_REGISTRATION,
        user=owner,
        person=owner.people.get(),
        about=event,
    )
    _mail(owner.email, "Ihre Anmeldung zum Sommerfest", "Hallo")
    _mail(colleague.email, "Post für die Kollegin", "Hallo Kollegin")
    JoinRequest.objects.create(
        organisation=world.chamber, user=owner, message="Bitte nehmen Sie mich auf."
    )
    ColleagueInvitation.objects.create(
        organisation=world.chamber, email=owner.email, invited_by=world.partner
    )
    listing = ListingFactory(organisation=world.company, created_by=owner, title="Lohnfertigung")
    InterestFactory(
        listing=ListingFactory(title="Gesuch Laserschneiden"),
        organisation=world.company,
        user=owner,
        message="Wir können Laserschneiden.",
    )
    InterestFactory(listing=listing, user=colleague, message="Nachricht der Kollegin")
    DigestSubscriptionFactory(user=owner, organisation=world.company)
    MailPreference.objects.create(email=owner.email.lower(), invitations=False)
    MailPreference.objects.create(email=colleague.email.lower(), digests=False)
    return Populated(user=owner, colleague=colleague, registration=registration)


def _export(client, user) -> dict:
    response = signed_in(client, user).get(EXPORT_JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="meine-daten-')
    return json.loads(response.content)


def test_export_json_holds_everything_about_the_user(client, populated):
    with translation.override("de"):
        document = _export(client, populated.user)

    sections = document["sections"]
    user = populated.user
    assert document["account"] == user.pk
    assert sections["account"][0]["email"] == user.email
    assert sections["account"][0]["last_name"] == user.last_name
    assert [a["email"] for a in sections["email_addresses"]] == [user.email]
    person = sections["persons"][0]
    assert (person["organisation"], person["phone"], person["function"]) == (
        "Hesterberg Testwerk GmbH",
        "02331 4711",
        "Ausbildungsleitung",
    )
    assert [m["network"] for m in sections["memberships"]] == ["In|Die RegionRuhr"]
    registration = sections["registrations"][0]
    assert registration["event"] == "Sommerfest der Metaller"
    assert registration["access_needs"] == "Rollstuhlplatz"
    assert registration["workshops"] == ["Workshop Lean Production (bestätigt)"]
    assert registration["starts_at"] == populated.registration.event.starts_at.isoformat().replace(
        "+00:00", "Z"
    )
    consent = sections["consents"][0]
    assert (consent["about"], consent["text_version"]) == ("Sommerfest der Metaller", 1)
    assert [m["subject"] for m in sections["mails"]] == ["Ihre Anmeldung zum Sommerfest"]
    assert sections["join_requests"][0]["message"] == "Bitte nehmen Sie mich auf."
    assert sections["invitations"][0]["organisation"] == "Test-IHK"
    assert [i["message"] for i in sections["interests"]] == ["Wir können Laserschneiden."]
    assert [listing["title"] for listing in sections["listings"]] == ["Lohnfertigung"]
    assert sections["digest_subscriptions"][0]["organisation"] == "Hesterberg Testwerk GmbH"
    preference = sections["mail_preferences"][0]
    assert (preference["email"], preference["invitations"]) == (user.email.lower(), False)


def test_export_json_holds_nothing_about_other_people(client, populated):
    text = json.dumps(_export(client, populated.user), ensure_ascii=False)

    colleague = populated.colleague
    for foreign in (
        colleague.email,
        colleague.last_name,
        "02331 0815",
        "Geheimnis der Kollegin",
        "Post für die Kollegin",
        "Nachricht der Kollegin",
    ):
        assert foreign not in text


def test_export_of_the_colleague_holds_their_data_not_the_owners(client, populated):
    text = json.dumps(_export(client, populated.colleague), ensure_ascii=False)

    assert "Geheimnis der Kollegin" in text
    assert "Post für die Kollegin" in text
    assert "Rollstuhlplatz" not in text
    assert populated.user.email not in text


def test_export_page_shows_the_same_data_readably(client, populated):
    response = signed_in(client, populated.user).get(EXPORT_PAGE)

    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("Sommerfest der Metaller", "Rollstuhlplatz", "Bitte nehmen Sie mich auf."):
        assert shown in page
    assert "Geheimnis der Kollegin" not in page
    assert 'href="#registrations"' in page


def test_every_export_is_audited(client, populated):
    signed_in(client, populated.user).get(EXPORT_JSON)
    client.get(EXPORT_PAGE)

    entries = AuditEntry.objects.filter(action="privacy.export").order_by("pk")
    assert [(e.actor, e.object_id, e.details) for e in entries] == [
        (populated.user, str(populated.user.pk), {"as": "json"}),
        (populated.user, str(populated.user.pk), {"as": "page"}),
    ]


def test_export_of_a_user_without_organisation_has_the_account(client, world):
    document = _export(client, world.outsider)

    assert document["sections"]["account"][0]["email"] == world.outsider.email
    assert "registrations" not in document["sections"]


@pytest.mark.parametrize("url", [EXPORT_PAGE, EXPORT_JSON])
def test_export_asks_anonymous_visitors_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not AuditEntry.objects.exists()


def test_export_sections_come_in_a_readable_order(client, populated):
    keys = list(_export(client, populated.user)["sections"])

    assert keys[:2] == ["account", "email_addresses"]
    assert keys.index("persons") < keys.index("registrations") < keys.index("interests")
    assert keys[-3:] == ["consents", "mails", "mail_preferences"]


def test_an_app_adds_its_own_section_to_the_export(client, world, monkeypatch):
    export.exporters()  # the portal's own, registered once
    monkeypatch.setattr(export, "_EXPORTERS", export._EXPORTERS.copy())

    @export.exporter("newsletter", position=95)
    def newsletter(user):
        return Section(
            key="newsletter",
            title="Newsletter",
            columns=(Column(key="address", label="Adresse"),),
            records=[{"address": user.email}],
        )

    document = _export(client, world.outsider)

    assert document["sections"]["newsletter"] == [{"address": world.outsider.email}]
    assert list(document["sections"])[-1] == "newsletter"

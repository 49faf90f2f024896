"""``seed_demo``: the demo world from the press releases, idempotent, accounts only in DEBUG."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.urls import reverse

from events.models import (
    Event,
    EventPerson,
    EventSeries,
    Registration,
    Session,
    WorkshopChoice,
)
from members import roles
from members.models import (
    Membership,
    Network,
    NetworkManager,
    Organisation,
    Person,
    Region,
    Sector,
    TrainingOccupation,
    User,
)
from network_portal.models import LegalPage
from tests.portal.seed import seed

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "demo-portal-2026"
DEMO_EMAILS = [
    "admin@demo.example",
    "manager@demo.example",
    "firma@demo.example",
    "kollegin@demo.example",
    "partner@demo.example",
]
# Real people quoted in the press releases; the demo must not use their names.
PRESS_RELEASE_SURNAMES = {
    "Drees",
    "Miesen",
    "Frese",
    "Lennardt",
    "Henkenmeier",
    "Otten",
    "Ledune",
    "Mager",
    "Schreiber",
    "Tillmann",
    "Hansen",
    "Blum",
    "Reuter",
    "Hahn",
    "Beyer",
}
SUMMARY = (
    "Demo data: 5 networks, 56 organisations, 68 memberships, 5 applications, {persons} persons, "
    "{accounts} accounts, 3 legal pages, 5 events, 56 registrations; {created} rows created, "
    "0 updated."
)
# Rows the first run writes itself (seed_demo on an empty database): vocabulary 35,
# networks 14, organisations with sectors, occupations, contacts and memberships 362,
# legal pages 3, events 95, marketplace listings with their topics 25, interests and the
# introduction 3, projects 21, consent texts 2 (the event-registration text is published by
# the first demo registration already); the demo accounts add 15 (DEBUG only).
CREATED_WITHOUT_ACCOUNTS = 35 + 14 + 362 + 3 + 95 + 25 + 3 + 21 + 2
CREATED_WITH_ACCOUNTS = CREATED_WITHOUT_ACCOUNTS + 15
SNAPSHOT_MODELS = [
    Region,
    Sector,
    TrainingOccupation,
    Network,
    Network.regions.through,
    Organisation,
    Organisation.sectors.through,
    Organisation.training_occupations.through,
    Membership,
    NetworkManager,
    Person,
    User,
    EmailAddress,
    LegalPage,
    EventSeries,
    Event,
    Event.organising_networks.through,
    Event.audience_networks.through,
    Session,
    EventPerson,
    Registration,
    WorkshopChoice,
]


def snapshot() -> dict[str, list[dict]]:
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in SNAPSHOT_MODELS
    }


def is_example_address(address: str) -> bool:
    domain = address.rpartition("@")[2]
    return domain.endswith(".example") or domain in {"example.org", "example.com"}


# --- Idempotence -------------------------------------------------------------------------


def test_seed_demo_first_run_reports_what_it_created(demo):
    assert demo == [SUMMARY.format(persons=63, accounts=5, created=CREATED_WITH_ACCOUNTS)]


def test_seed_demo_second_run_changes_nothing(demo):
    before = snapshot()

    output = seed()

    assert snapshot() == before
    assert len(before["members.Organisation"]) == 56
    assert len(before["members.Person"]) == 63
    assert len(before["events.Event"]) == 5
    assert len(before["events.Registration"]) == 56
    assert output == [SUMMARY.format(persons=63, accounts=5, created=0)]


def test_seed_demo_restores_changed_demo_values(demo):
    Organisation.objects.filter(slug="wilo").update(city="Unna", phone="")

    seed()

    wilo = Organisation.objects.get(slug="wilo")
    assert (wilo.city, wilo.phone) == ("Dortmund", "0231 000000-40")


def test_seed_demo_keeps_a_managers_decision_on_an_application(demo):
    application = Membership.objects.get(
        organisation__slug="ickern-industrieservice", network__slug="indie-regionruhr"
    )
    application.status = Membership.Status.ACTIVE
    application.save()

    seed()

    memberships = Membership.objects.filter(organisation__slug="ickern-industrieservice")
    assert list(memberships.values_list("status", flat=True)) == ["active"]


def test_seed_demo_keeps_an_edited_legal_page(demo):
    LegalPage.objects.filter(slug="impressum").update(body_de="Eigener Text")

    seed()

    assert LegalPage.objects.get(slug="impressum").body_de == "Eigener Text"


# --- Demo accounts -----------------------------------------------------------------------


def test_seed_demo_accounts_hold_their_roles(demo):
    indie = Network.objects.get(slug="indie-regionruhr")
    hesterberg = Organisation.objects.get(slug="f-hesterberg-soehne")
    sihk = Organisation.objects.get(slug="sihk-hagen")

    admin, manager, firma, kollegin, partner = (
        roles.for_user(User.objects.get(email=email)) for email in DEMO_EMAILS
    )

    assert (admin.is_platform_admin, admin.is_manager, admin.organisation_ids) == (
        True,
        False,
        frozenset(),
    )
    assert (manager.is_platform_admin, manager.managed_network_ids) == (False, {indie.pk})
    assert (firma.admin_of, firma.staff_of, indie.pk in firma.network_ids) == (
        {hesterberg.pk},
        frozenset(),
        True,
    )
    assert (kollegin.admin_of, kollegin.staff_of) == (frozenset(), {hesterberg.pk})
    assert (partner.staff_of, partner.is_partner) == ({sihk.pk}, True)


def test_seed_demo_admin_is_superuser_and_staff(demo):
    admin = User.objects.get(email="admin@demo.example")

    assert (admin.is_superuser, admin.is_staff) == (True, True)
    assert User.objects.filter(is_superuser=True).count() == 1


def test_seed_demo_accounts_have_verified_primary_addresses(demo):
    addresses = EmailAddress.objects.filter(verified=True, primary=True)

    assert sorted(addresses.values_list("email", flat=True)) == sorted(DEMO_EMAILS)


def test_seed_demo_without_debug_creates_no_accounts(settings):
    settings.DEBUG = False

    output = seed()

    assert output == [
        "Demo accounts skipped: DEBUG is off.",
        SUMMARY.format(persons=59, accounts=0, created=CREATED_WITHOUT_ACCOUNTS),
    ]
    assert User.objects.count() == 0
    assert EmailAddress.objects.count() == 0
    assert NetworkManager.objects.count() == 0
    assert Person.objects.filter(user__isnull=False).count() == 0


# --- The data ----------------------------------------------------------------------------


def test_seed_demo_every_email_address_is_in_an_example_domain(demo):
    addresses = [
        *Person.objects.values_list("email", flat=True),
        *User.objects.values_list("email", flat=True),
        *Organisation.objects.values_list("email", flat=True),
        *EmailAddress.objects.values_list("email", flat=True),
    ]

    assert len(addresses) == 63 + 5 + 56 + 5
    assert [address for address in addresses if not is_example_address(address)] == []


def test_seed_demo_every_phone_number_is_fictional(demo):
    numbers = [
        *Person.objects.values_list("phone", flat=True),
        *Organisation.objects.values_list("phone", flat=True),
    ]
    fictional = re.compile(r"0\d{2,4} 000000-\d{2,3}")

    assert [number for number in numbers if not fictional.fullmatch(number)] == []


def test_seed_demo_websites_are_in_example_domains(demo):
    websites = [
        *Organisation.objects.values_list("website", flat=True),
        *Network.objects.values_list("website", flat=True),
    ]
    example_site = re.compile(r"https://www\.[-a-z.]+\.example")

    assert [url for url in websites if not example_site.fullmatch(url)] == []


def test_seed_demo_uses_no_name_of_a_person_in_the_press_releases(demo):
    surnames = set(Person.objects.values_list("last_name", flat=True))
    surnames |= set(User.objects.values_list("last_name", flat=True))

    assert surnames & PRESS_RELEASE_SURNAMES == set()


def test_seed_demo_sub_network_has_its_parent(demo):
    produktion = Network.objects.get(slug="netzwerk-produktion-bochum")

    assert (produktion.parent.name, produktion.kind) == ("In|Die RegionRuhr", "city")
    assert [network.slug for network in produktion.parent.children.all()] == [
        "netzwerk-produktion-bochum"
    ]


def test_seed_demo_networks_carry_founding_year_regions_and_openness(demo):
    rows = {
        network.slug: (
            network.kind,
            network.founded_year,
            network.is_open,
            sorted(region.name for region in network.regions.all()),
        )
        for network in Network.objects.prefetch_related("regions")
    }

    assert rows == {
        "indie-regionruhr": (
            "initiative",
            2009,
            True,
            ["Bochum", "Castrop-Rauxel", "Dortmund", "Ennepe-Ruhr-Kreis", "Hagen", "Herne"],
        ),
        "netzwerk-produktion-bochum": ("city", 2008, True, ["Bochum"]),
        "mekom-osterode": ("cluster", 2000, False, ["Osterode am Harz"]),
        "verpackungscluster-suedniedersachsen": ("cluster", 2005, True, ["Göttingen"]),
        "industrieinitiativen": ("national", 2021, True, []),
    }


def test_seed_demo_indie_has_its_nine_founding_partners(demo):
    founding = Membership.objects.filter(
        network__slug="indie-regionruhr", role=Membership.Role.FOUNDING_PARTNER
    ).order_by("organisation__name")

    assert [m.organisation.name for m in founding] == [
        "Bochum Wirtschaftsentwicklung",
        "EN-Agentur – Wirtschaftsförderungsagentur Ennepe-Ruhr",
        "Hagen.Wirtschaftsentwicklung",
        "Handwerkskammer Dortmund",
        "IHK Mittleres Ruhrgebiet",
        "IHK zu Dortmund",
        "SIHK zu Hagen",
        "Wirtschaftsförderung Dortmund",
        "Wirtschaftsförderung Herne",
    ]
    assert {m.status for m in founding} == {"active"}


def test_seed_demo_manager_has_applications_to_decide(demo):
    applications = Membership.objects.filter(
        network__slug="indie-regionruhr", status=Membership.Status.APPLIED
    ).order_by("organisation__name")

    assert [(m.organisation.name, m.role) for m in applications] == [
        ("Ickern Industrieservice GmbH", "member"),
        ("Lennewerk Kaltwalztechnik GmbH", "member"),
        ("Schwelmer Oberflächentechnik GmbH", "member"),
    ]
    assert all(m.message for m in applications)


def test_seed_demo_company_profile_lands_with_sectors_and_occupations(demo):
    hesterberg = Organisation.objects.get(slug="f-hesterberg-soehne")
    contact = hesterberg.people.get(is_public_contact=True)

    assert (hesterberg.city, hesterberg.postal_code, hesterberg.region.name) == (
        "Ennepetal",
        "58256",
        "Ennepe-Ruhr-Kreis",
    )
    assert (hesterberg.size, hesterberg.visibility) == ("medium", "public")
    assert sorted(s.name for s in hesterberg.sectors.all()) == [
        "Automotive",
        "Metallverarbeitung",
        "Verkehrstechnik",
    ]
    assert "Industriemechaniker/in" in {o.name for o in hesterberg.training_occupations.all()}
    assert (contact.full_name, contact.email, contact.phone, contact.role) == (
        "Katrin Oberhaus",
        "katrin.oberhaus@hesterberg.example",
        "02333 000000-11",
        "contact",
    )


def test_seed_demo_mixes_public_and_members_only_profiles(demo):
    companies = Organisation.objects.filter(kind=Organisation.Kind.COMPANY)

    assert companies.count() == 42
    assert companies.filter(visibility=Organisation.Visibility.MEMBERS).count() == 10


def test_seed_demo_vocabularies_are_named_in_both_languages(demo):
    terms = [*Sector.objects.all(), *TrainingOccupation.objects.all()]

    assert [term.name for term in terms if not term.name_en] == []
    assert Sector.objects.get(slug="maschinenbau").name_en == "Mechanical and plant engineering"


# --- Legal pages -------------------------------------------------------------------------


def test_seed_demo_legal_pages_exist_in_both_languages(demo):
    pages = LegalPage.objects.order_by("slug")

    assert [page.slug for page in pages] == ["barrierefreiheit", "datenschutz", "impressum"]
    assert [page.slug for page in pages if not (page.body_de and page.body_en)] == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)"),
        ("en", "Information pursuant to Section 5 of the German Digital Services Act (DDG)"),
    ],
)
def test_seed_demo_imprint_page_shows_the_text_in_the_chosen_language(demo, client, language, text):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language

    response = client.get(reverse("legal", kwargs={"slug": "impressum"}))

    assert response.status_code == 200
    assert text in response.content.decode()

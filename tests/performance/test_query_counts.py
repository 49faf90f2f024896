"""Every page the bench measures answers in a fixed number of queries (issue 9: at most 12,
the same for 1 and for many rows). Each test counts a page with one row, adds 59 more
rows of the same kind and counts again.

The counts are those of production too: the two-factor middleware (not enforced in the
test settings) reads the TOTP state loaded with the roles, in the same query. They are the
counts of pages rendered: the page cache is off in the test settings (served from it, a
page needs no query anonymously and the sign-in's two for a manager:
tests/portal/test_page_cache.py, tests/events/test_manager_page_cache.py).
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from members.models import Membership, Organisation, Person
from tests import factories
from tests.cooperations.factories import ListingFactory, TopicFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
MORE = 59


def queries_of(client, url: str) -> int:
    client.get(url)  # warm: session, content types, translations
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def assert_fixed(client, url: str, add_rows) -> int:
    """The count with one row equals the count with 60 rows; returns it."""
    small = queries_of(client, url)
    add_rows(MORE)
    large = queries_of(client, url)
    assert (small, large) == (small, small)
    return large


def _upcoming_event(network, index: int = 0):
    starts = timezone.now() + dt.timedelta(days=3 + index, hours=1)
    event = factories.EventFactory(
        organising_networks=[network],
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        series=factories.EventSeriesFactory(),
        host_organisation=factories.OrganisationFactory(),
        region=factories.RegionFactory(name="Bochum"),
    )
    factories.RegistrationFactory(event=event)
    return event


def test_livez_needs_no_query(client):
    assert queries_of(client, reverse("livez")) == 0


def test_home_queries_fixed(client, world):
    def add(count):
        for index in range(count):
            _upcoming_event(world.network, index)
            factories.MembershipFactory(network=factories.NetworkFactory())

    _upcoming_event(world.network)
    assert assert_fixed(client, reverse("home"), add) <= MAX_QUERIES


def test_event_list_queries_fixed(client, world):
    def add(count):
        for index in range(count):
            _upcoming_event(world.network, index)

    _upcoming_event(world.network)
    assert assert_fixed(client, reverse("events:list"), add) <= MAX_QUERIES


def test_event_page_queries_fixed(client, world):
    event = _upcoming_event(world.network)
    workshop = factories.WorkshopFactory(event=event)
    factories.EventPersonFactory(event=event)

    def add(count):
        for _ in range(count):
            registration = factories.RegistrationFactory(event=event)
            factories.WorkshopChoiceFactory(registration=registration, session=workshop)
        for _ in range(5):
            factories.EventPersonFactory(event=event, session=factories.SessionFactory(event=event))
        parent = world.network  # sub-networks, three levels deep, are in the audience too
        for _ in range(3):
            parent = factories.NetworkFactory(parent=parent)

    url = reverse("events:detail", kwargs={"pk": event.pk})
    assert assert_fixed(client, url, add) <= MAX_QUERIES


def _company(name: str) -> Organisation:
    organisation = factories.OrganisationFactory(
        name=name,
        description="Wir konstruieren Getriebe und Planetengetriebe für den Maschinenbau.",
        confirmed_on=timezone.localdate(),
    )
    organisation.sectors.add(factories.SectorFactory(name="Maschinenbau"))
    return organisation


def test_directory_search_queries_fixed(client, world):
    _company("Getriebebau Stiepel GmbH")

    def add(count):
        for index in range(count):
            _company(f"Getriebewerk {index} GmbH")

    url = reverse("members:directory") + "?q=Getriebe"
    assert assert_fixed(client, url, add) <= MAX_QUERIES


def test_marketplace_search_queries_fixed(client, world):
    topic = TopicFactory()
    region = factories.RegionFactory(name="Bochum")

    def listing(index: int):
        ListingFactory(title=f"Fräsen von Getrieben {index}", topics=[topic], regions=[region])

    def add(count):
        for index in range(count):
            listing(index)

    listing(0)
    url = reverse("cooperations:marketplace") + "?q=Fr%C3%A4sen"
    assert assert_fixed(client, url, add) <= MAX_QUERIES


def test_organisation_page_queries_fixed(client, world):
    organisation = world.company
    Organisation.objects.filter(pk=organisation.pk).update(confirmed_on=timezone.localdate())
    Person.objects.filter(organisation=organisation).update(is_public_contact=True)

    def add(count):
        for _ in range(count):
            factories.PersonFactory(organisation=organisation, is_public_contact=True)
        for _ in range(3):
            factories.MembershipFactory(organisation=organisation)
            event = _upcoming_event(world.network)
            event.host_organisation = organisation
            event.save(update_fields=["host_organisation"])
        assert Membership.objects.filter(organisation=organisation).count() == 4

    url = reverse("members:organisation", kwargs={"slug": organisation.slug})
    assert assert_fixed(client, url, add) <= MAX_QUERIES


def _registration_rows(event, workshop, count: int) -> None:
    for index in range(count):
        status = Registration.Status.CONFIRMED if index % 3 else Registration.Status.WAITLISTED
        registration = factories.RegistrationFactory(event=event, status=status)
        factories.WorkshopChoiceFactory(registration=registration, session=workshop)


def _manager_registrations_count(client, world) -> int:
    event = _upcoming_event(world.network)
    workshop = factories.WorkshopFactory(event=event, capacity=None)
    _registration_rows(event, workshop, 1)
    factories.NetworkManagerFactory(network=world.network, user=world.partner)
    client.force_login(world.partner)  # a manager at a chamber, as in the seeds
    url = reverse("events:manage_event", kwargs={"pk": event.pk})
    return assert_fixed(client, url, lambda count: _registration_rows(event, workshop, count))


def test_manager_registrations_queries_fixed(client, world):
    assert _manager_registrations_count(client, world) > 0


def test_manager_registrations_within_budget(client, world):
    """Session, user, roles (with the TOTP check and the navigation's organisations), the
    event with the manager's permission, its counts, its workshops, the page of
    registrations, their workshop choices, the waiting-list positions, the mail counts and
    the organisation filter's options: 11 (the paginator's count is known)."""
    assert _manager_registrations_count(client, world) <= MAX_QUERIES

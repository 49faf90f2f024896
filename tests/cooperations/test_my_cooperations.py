"""My cooperations: own listings with their interest, interest sent, introductions, the
digest toggle; what each side sees; a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from members.models import Person
from tests import factories
from tests.cooperations.factories import InterestFactory, IntroductionFactory, ListingFactory
from tests.cooperations.helpers import german

pytestmark = pytest.mark.django_db

URL = reverse("cooperations:mine")


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_without_organisation_it_explains(client, world):
    client.force_login(world.outsider)

    response = client.get(URL)

    assert response.status_code == 200
    assert (
        german(
            "Interest, introductions and the weekly digest are handled on behalf of an "
            "organisation. You do not act for an organisation in the portal yet."
        )
        in response.text
    )


def test_the_owner_sees_interest_received_with_an_answer_link(client, world, viewers, topics):
    listing = ListingFactory(organisation=world.company, title="Unser Angebot")
    interest = InterestFactory(listing=listing, organisation=viewers.other_company)
    client.force_login(world.owner)

    page = client.get(URL).text

    assert "Unser Angebot" in page
    assert viewers.other_company.name in page
    assert reverse("cooperations:interest", args=[interest.pk]) in page
    assert german("Answer") in page
    assert waiting(1) in page


def waiting(count: int) -> str:
    with translation.override("de"):
        return ngettext(
            "%(counter)s interest or introduction waits for your answer.",
            "%(counter)s interests and introductions wait for your answer.",
            count,
        ) % {"counter": count}


def test_the_sender_side_sees_interest_shown_and_may_withdraw(client, world, viewers):
    listing = ListingFactory(organisation=world.company, title="Fremdes Angebot")
    interest = InterestFactory(
        listing=listing, organisation=viewers.other_company, user=viewers.network_member
    )
    client.force_login(viewers.network_member)

    page = client.get(URL).text

    assert "Fremdes Angebot" in page
    assert reverse("cooperations:interest_withdraw", args=[interest.pk]) in page


def test_a_colleague_sees_the_interest_but_not_the_withdraw_button(client, world, viewers):
    listing = ListingFactory(organisation=world.company)
    interest = InterestFactory(
        listing=listing, organisation=viewers.other_company, user=viewers.network_member
    )
    colleague = factories.PersonFactory(
        organisation=viewers.other_company, role=Person.Role.STAFF
    ).user
    client.force_login(colleague)

    page = client.get(URL).text

    assert reverse("cooperations:interest", args=[interest.pk]) in page
    assert reverse("cooperations:interest_withdraw", args=[interest.pk]) not in page


def test_introductions_show_for_both_sides_and_the_broker(client, world, viewers):
    introduction = IntroductionFactory(
        broker=world.partner,
        broker_organisation=world.chamber,
        first_organisation=world.company,
        second_organisation=viewers.other_company,
    )
    link = reverse("cooperations:introduction", args=[introduction.pk])

    seen = {}
    for name, user in [
        ("owner", world.owner),
        ("network_member", viewers.network_member),
        ("partner", world.partner),
        ("other_member", viewers.other_member),
    ]:
        client.force_login(user)
        seen[name] = link in client.get(URL).text

    assert seen == {"owner": True, "network_member": True, "partner": True, "other_member": False}


def test_the_page_shows_nothing_of_other_organisations(client, world, viewers):
    listing = ListingFactory(organisation=viewers.other_company, title="Ganz Fremdes Angebot")
    InterestFactory(listing=listing, organisation=factories.OrganisationFactory())
    client.force_login(world.owner)

    page = client.get(URL).text

    assert "Ganz Fremdes Angebot" not in page


def test_the_navigation_links_my_cooperations_for_people_of_an_organisation(client, world):
    client.force_login(world.owner)
    with_organisation = client.get(reverse("home")).text
    client.force_login(world.outsider)
    without = client.get(reverse("home")).text

    assert f'href="{URL}"' in with_organisation
    assert f'href="{URL}"' not in without


def _rows(world, viewers, count):
    """``count`` of each row kind: listings with interest, interest sent, introductions."""
    for number in range(count):
        listing = ListingFactory(organisation=world.company, title=f"Eigenes {number}")
        InterestFactory(listing=listing, organisation=factories.OrganisationFactory())
        InterestFactory(
            listing=ListingFactory(title=f"Fremdes {number}"),
            organisation=world.company,
            user=world.owner,
            status="accepted",
            decided_at=timezone.now(),
        )
        IntroductionFactory(
            broker_organisation=world.chamber,
            first_organisation=world.company,
            second_organisation=factories.OrganisationFactory(),
        )


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_one_and_many_rows(client, world, viewers):
    client.force_login(world.owner)
    _rows(world, viewers, 1)
    one = _queries(client)

    _rows(world, viewers, 3)
    many = _queries(client)

    assert one == many

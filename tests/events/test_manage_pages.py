"""The manager area's event pages from every side: who sees and may do what; the list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from tests import factories
from tests.events.manage_helpers import ROLES, as_user, event_data
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

MANAGING = {"manager", "platform_admin"}


def _status(client, world, role, method, url, *, data=None) -> int:
    as_user(client, user_of(world, role))
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code, response


# --- List and create: a network to manage is needed -----------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["events:manage_list", "events:manage_create"])
def test_list_and_create_pages_only_for_managers(client, world, role, name):
    status, response = _status(client, world, role, "get", reverse(name))
    if role == "anonymous":
        assert status == 302
        assert response.url.startswith(reverse("account_login"))
    elif role in MANAGING | {"other_manager"}:
        assert status == 200
    else:
        assert status == 403


@pytest.mark.parametrize("role", ["outsider", "owner"])
def test_create_post_refused_for_non_managers(client, world, role):
    status, _response = _status(
        client,
        world,
        role,
        "post",
        reverse("events:manage_create"),
        data=event_data([world.network.pk]),
    )
    assert status == 403
    assert not Event.objects.exists()


def test_create_offers_only_managed_networks(client, world):
    other = factories.NetworkFactory(name="VerpackungsCluster Göttingen")
    as_user(client, world.manager)
    content = client.get(reverse("events:manage_create")).content.decode()
    assert world.network.name in content.split('id="id_organising_networks"')[1][:2000]
    assert other.name not in content.split('id="id_organising_networks"')[1].split("</div>\n")[0]


def test_create_refuses_a_network_the_user_does_not_manage(client, world):
    other = factories.NetworkFactory(name="VerpackungsCluster Göttingen")
    as_user(client, world.manager)
    response = client.post(reverse("events:manage_create"), event_data([other.pk]))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Event.objects.exists()


def test_platform_admin_may_name_any_network(client, world):
    other = factories.NetworkFactory(name="VerpackungsCluster Göttingen")
    as_user(client, world.platform_admin)
    response = client.post(reverse("events:manage_create"), event_data([other.pk]))
    assert response.status_code == 302
    assert list(Event.objects.get().organising_networks.all()) == [other]


# --- One event's actions --------------------------------------------------------------

ACTIONS = [
    ("get", "events:manage_edit"),
    ("post", "events:manage_edit"),
    ("get", "events:manage_copy"),
    ("post", "events:manage_publish"),
    ("get", "events:manage_cancel"),
    ("post", "events:manage_cancel"),
]


@pytest.fixture
def published(world) -> Event:
    return factories.EventFactory(title="Netzwerktreffen", organising_networks=[world.network])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_event_actions_from_every_side(client, world, published, role, action):
    method, name = action
    url = reverse(name, kwargs={"pk": published.pk})
    status, response = _status(client, world, role, method, url)
    published.refresh_from_db()
    if role == "anonymous":
        assert status == 302
        assert response.url.startswith(reverse("account_login"))
    elif role in MANAGING:
        assert status in {200, 302, 400}
    else:
        assert status == 403
    if role not in MANAGING:
        assert published.status == Event.Status.PUBLISHED
        assert published.sequence == 0


@pytest.mark.parametrize("role", ["outsider", "owner", "other_manager"])
@pytest.mark.parametrize("action", ACTIONS)
def test_drafts_of_other_networks_are_not_found(client, world, role, action):
    method, name = action
    draft = factories.EventFactory(status=Event.Status.DRAFT, organising_networks=[world.network])
    status, _response = _status(client, world, role, method, reverse(name, args=[draft.pk]))
    assert status == 404


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_managers_see_the_edit_form_of_their_draft(client, world, role):
    draft = factories.EventFactory(
        title="Auftakt Netzwerk Produktion",
        status=Event.Status.DRAFT,
        organising_networks=[world.network],
    )
    status, response = _status(
        client, world, role, "get", reverse("events:manage_edit", args=[draft.pk])
    )
    content = response.content.decode()
    assert status == 200
    assert "<h1>Edit “Auftakt Netzwerk Produktion”</h1>" in content
    assert 'value="Auftakt Netzwerk Produktion"' in content


def test_publish_needs_post(client, world, published):
    as_user(client, world.manager)
    assert client.get(reverse("events:manage_publish", args=[published.pk])).status_code == 405


# --- The list -------------------------------------------------------------------------


def test_list_shows_upcoming_then_past_with_status_and_counts(client, world):
    now = timezone.now()
    later = factories.EventFactory(
        title="Später", starts_at=now + dt.timedelta(days=30), organising_networks=[world.network]
    )
    sooner = factories.EventFactory(
        title="Früher",
        status=Event.Status.DRAFT,
        starts_at=now + dt.timedelta(days=3),
        organising_networks=[world.network],
        capacity=5,
    )
    past = factories.EventFactory(
        title="Vorbei",
        starts_at=now - dt.timedelta(days=10),
        ends_at=now - dt.timedelta(days=10) + dt.timedelta(hours=2),
        organising_networks=[world.network],
    )
    factories.EventFactory(title="Fremd", organising_networks=[factories.NetworkFactory()])
    for status in ["confirmed", "confirmed", "waitlisted", "cancelled"]:
        factories.RegistrationFactory(event=sooner, status=status)
    content = as_user(client, world.manager).get(reverse("events:manage_list")).content.decode()
    upcoming, past_part = content.split('id="past-heading"')
    assert upcoming.index("Früher") < upcoming.index("Später")
    assert "Vorbei" in past_part
    assert "Fremd" not in content
    assert '<span class="badge status-draft">Draft</span>' in upcoming
    assert '<td class="number" data-label="Confirmed / seats">2 / 5</td>' in upcoming
    assert '<td class="number" data-label="Waiting list">1</td>' in upcoming
    assert reverse("events:manage_copy", args=[past.pk]) in past_part
    assert reverse("events:manage_edit", args=[later.pk]) in upcoming
    assert reverse("events:manage_publish", args=[sooner.pk]) in upcoming
    assert reverse("events:manage_cancel", args=[later.pk]) in upcoming
    assert reverse("events:manage_create") in content


def test_list_links_each_event_to_its_manager_page(client, world, published):
    content = as_user(client, world.manager).get(reverse("events:manage_list")).content.decode()
    assert (
        f'<a href="{reverse("events:manage_event", args=[published.pk])}">Netzwerktreffen</a>'
        in content
    )


def test_list_shows_a_co_organised_event_once(client, world):
    both = factories.EventFactory(
        title="Gemeinsam", organising_networks=[world.network, factories.NetworkFactory()]
    )
    factories.RegistrationFactory(event=both)
    content = (
        as_user(client, world.platform_admin).get(reverse("events:manage_list")).content.decode()
    )
    assert content.count(">Gemeinsam</a>") == 1
    assert '<td class="number" data-label="Confirmed / seats">1 / 30</td>' in content


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("events:manage_list")).status_code == 200
    return len(queries)


def _busy_event(world, days: int) -> Event:
    start = timezone.now() + dt.timedelta(days=days)
    event = factories.EventFactory(
        starts_at=start, ends_at=start + dt.timedelta(hours=2), organising_networks=[world.network]
    )
    factories.RegistrationFactory(event=event)
    factories.RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    return event


def test_list_query_count_same_for_1_and_20_events(client, world):
    as_user(client, world.manager)
    _busy_event(world, 5)
    _busy_event(world, -5)
    one = _list_queries(client)
    for days in range(1, 20):
        _busy_event(world, days)
        _busy_event(world, -days - 10)
    assert _list_queries(client) == one


def test_list_shows_20_past_events_then_a_link_to_all(client, world):
    as_user(client, world.manager)
    for days in range(22):
        _busy_event(world, -days - 2)
    content = client.get(reverse("events:manage_list")).content.decode()
    assert content.count('class="badge status-published"') == 20
    assert "Show all past events" in content
    everything = client.get(reverse("events:manage_list"), {"vergangene": "alle"}).content.decode()
    assert "Show all past events" not in everything
    assert everything.count('class="badge status-published"') == 22

"""At the door through HTTP: the check-in desk and walk-ins."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Registration
from members.models import Person
from network_portal.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED


def as_manager(client, world):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.manager)
    return client


def attendee(event, last_name: str, **kwargs) -> Registration:
    person = factories.PersonFactory(last_name=last_name, first_name="Eva")
    return factories.RegistrationFactory(event=event, person=person, **kwargs)


def checkin_url(event) -> str:
    return reverse("events:manage_checkin", kwargs={"pk": event.pk})


def toggle_url(registration) -> str:
    return reverse("events:manage_checkin_toggle", kwargs={"pk": registration.pk})


# --- Check-in desk -------------------------------------------------------------------------


def test_checkin_page_lists_confirmed_attendees_by_last_name(client, world, event):
    event.capacity = 10
    event.save()
    attendee(event, "Zander")
    attendee(event, "Albers")
    attendee(event, "Wartend", status=WAITLISTED)
    attendee(event, "Storniert", status=Registration.Status.CANCELLED)
    content = as_manager(client, world).get(checkin_url(event)).content.decode()
    assert content.index("Albers, Eva") < content.index("Zander, Eva")
    assert "Wartend" not in content
    assert "Storniert" not in content
    assert "<strong>0</strong> of 2 checked in" in content
    assert content.count('class="checkin-button"') == 2
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in content


def test_checkin_search_by_name_or_organisation(client, world, event):
    albers = attendee(event, "Albers")
    factories.RegistrationFactory(event=event, person=factories.PersonFactory(
        organisation=world.company, last_name="Brand"))  # fmt: skip
    as_manager(client, world)
    by_name = client.get(checkin_url(event), {"q": "alb"}).content.decode()
    by_organisation = client.get(checkin_url(event), {"q": "Testwerk"}).content.decode()
    assert ("Albers" in by_name, "Brand" in by_name) == (True, False)
    assert ("Albers" in by_organisation, "Brand" in by_organisation) == (False, True)
    assert f'value="{albers.person.last_name.lower()[:3]}"' in by_name  # the box keeps it
    nothing = client.get(checkin_url(event), {"q": "xyz"}).content.decode()
    assert "No confirmed attendee matches your search." in nothing


def test_checkin_search_with_htmx_returns_only_the_results(client, world, event):
    attendee(event, "Albers")
    response = as_manager(client, world).get(
        checkin_url(event), {"q": "Albers"}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="checkin-results"')
    assert "Albers, Eva" in content
    assert "<html" not in content
    assert "HX-Request" in response["Vary"]


def test_check_in_and_undo_without_javascript(client, world, event):
    registration = attendee(event, "Albers")
    as_manager(client, world)
    response = client.post(toggle_url(registration), {"checked_in": "1", "q": "Alb"}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain == [(checkin_url(event) + "?q=Alb", 302)]
    assert f"{registration.person.full_name} is checked in." in content
    assert "<strong>1</strong> of 1 checked in" in content
    registration.refresh_from_db()
    assert registration.checked_in_by == world.manager
    response = client.post(toggle_url(registration), {"checked_in": "0"}, follow=True)
    assert "has been taken back" in response.content.decode()
    registration.refresh_from_db()
    assert (registration.checked_in_at, registration.checked_in_by) == (None, None)
    actions = AuditEntry.objects.filter(object_id=str(registration.pk)).order_by("id")
    assert list(actions.values_list("action", "actor")) == [
        ("registration.check_in", world.manager.pk),
        ("registration.check_in_undone", world.manager.pk),
    ]


def test_check_in_twice_stays_checked_in(client, world, event):
    registration = attendee(event, "Albers")
    as_manager(client, world)
    client.post(toggle_url(registration), {"checked_in": "1"})
    first = Registration.objects.get(pk=registration.pk).checked_in_at
    client.post(toggle_url(registration), {"checked_in": "1"})
    assert Registration.objects.get(pk=registration.pk).checked_in_at == first
    assert AuditEntry.objects.filter(action="registration.check_in").count() == 1


def test_check_in_with_htmx_returns_the_updated_results(client, world, event):
    registration = attendee(event, "Albers")
    response = as_manager(client, world).post(
        toggle_url(registration), {"checked_in": "1", "q": "Albers"}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="checkin-results"')
    assert "<strong>1</strong> of 1 checked in" in content
    assert f'id="checkin-{registration.pk}" class="checkin-button button-secondary">Undo' in content


def test_check_in_of_someone_waiting_says_why_not(client, world, event):
    registration = attendee(event, "Wartend", status=WAITLISTED)
    response = as_manager(client, world).post(
        toggle_url(registration), {"checked_in": "1"}, HTTP_HX_REQUEST="true"
    )
    assert "Only confirmed attendees can be checked in." in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None


def _search_queries(client, event, **headers) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(checkin_url(event), {"q": "Eva"}, **headers).status_code == 200
    return len(queries)


def test_checkin_search_queries_do_not_grow_with_attendees(client, world):
    small = factories.EventFactory(organising_networks=[world.network], capacity=100)
    large = factories.EventFactory(organising_networks=[world.network], capacity=100)
    for event, count in ((small, 1), (large, 30)):
        workshop = factories.WorkshopFactory(event=event)
        for index in range(count):
            registration = attendee(event, f"Muster{index}")
            factories.WorkshopChoiceFactory(registration=registration, session=workshop)
    as_manager(client, world)
    _search_queries(client, small)
    assert _search_queries(client, small) == _search_queries(client, large)
    htmx = {"HTTP_HX_REQUEST": "true"}
    assert _search_queries(client, small, **htmx) == _search_queries(client, large, **htmx)


# --- Walk-ins ------------------------------------------------------------------------------


def walk_in_url(event) -> str:
    return reverse("events:manage_walk_in", kwargs={"pk": event.pk})


def new_walk_in(world, **extra) -> dict:
    return {
        "mode": "new",
        "new-first_name": "Ida",
        "new-last_name": "Neumann",
        "new-organisation": str(world.company.pk),
        "new-email": "ida@example.org",
        **extra,
    }


def test_walk_in_page_finds_people_of_any_organisation(client, world, event):
    stranger = factories.PersonFactory(last_name="Fremdling")
    waiting = attendee(event, "Fremdwartend", status=WAITLISTED)
    there = attendee(event, "Fremdda")
    content = as_manager(client, world).get(walk_in_url(event), {"q": "fremd"}).content.decode()
    assert stranger.organisation.name in content
    assert f'name="person" value="{stranger.pk}"' in content
    assert f'name="person" value="{waiting.person.pk}"' in content
    assert f'name="person" value="{there.person.pk}"' not in content  # check in instead
    assert "already confirmed" in content
    assert 'name="over_capacity"' not in content  # seats are free


def test_walk_in_of_a_new_person_within_capacity(client, world, event):
    response = as_manager(client, world).post(walk_in_url(event), new_walk_in(world), follow=True)
    assert response.redirect_chain == [(checkin_url(event), 302)]
    assert "Ida Neumann has been added and checked in." in response.content.decode()
    registration = Registration.objects.get(person__last_name="Neumann")
    assert (registration.status, registration.source) == (CONFIRMED, "walk_in")
    assert registration.checked_in_by == world.manager
    assert registration.person.organisation == world.company
    assert registration.person.email == "ida@example.org"


def test_walk_in_of_an_existing_person_at_a_full_event(client, world, event):
    attendee(event, "Eins")
    attendee(event, "Zwei")
    person = factories.PersonFactory(last_name="Spaet")
    as_manager(client, world)
    assert 'name="over_capacity"' in client.get(walk_in_url(event), {"q": "Spaet"}).content.decode()
    data = {"mode": "existing", "person": person.pk}
    response = client.post(walk_in_url(event), data, follow=True)
    assert "has been put on the waiting list and is not checked in" in response.content.decode()
    registration = Registration.objects.get(person=person)
    assert (registration.status, registration.checked_in_at) == (WAITLISTED, None)


def test_walk_in_over_capacity_only_with_the_tick(client, world, event):
    attendee(event, "Eins")
    attendee(event, "Zwei")
    response = as_manager(client, world).post(
        walk_in_url(event), new_walk_in(world, **{"new-over_capacity": "on"}), follow=True
    )
    assert "Ida Neumann has been added and checked in." in response.content.decode()
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 3
    counts = client.get(reverse("events:manage_counts", kwargs={"pk": event.pk}))
    assert "1 over capacity" in counts.content.decode()


BAD_INPUT = [
    ("new-last_name", "  ", "This field is required."),
    ("new-email", "kein-at", "Enter a valid email address."),
    ("new-organisation", "999999", "Select a valid choice."),
]


@pytest.mark.parametrize("bad", BAD_INPUT)
def test_walk_in_bad_input_saves_nothing(client, world, event, bad):
    field, value, message = bad
    people = Person.objects.count()
    response = as_manager(client, world).post(
        walk_in_url(event), new_walk_in(world, **{field: value})
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert message in content
    assert 'aria-invalid="true"' in content
    assert (Person.objects.count(), Registration.objects.count()) == (people, 0)


def test_walk_in_of_someone_confirmed_is_refused_with_a_message(client, world, event):
    registration = attendee(event, "Schonda")
    data = {"mode": "existing", "person": registration.person.pk, "q": "Schonda"}
    response = as_manager(client, world).post(walk_in_url(event), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert "already confirmed for the event" in content
    assert "Schonda, Eva" in content  # the search results stay
    assert Registration.objects.count() == 1

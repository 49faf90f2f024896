"""Regressions found by the fuzz tests (tests/security/test_fuzz_inputs.py): events pages."""

import pytest
from django.urls import reverse

from events.models import Event, Registration, Session
from tests import factories
from tests.events.manage_helpers import as_user, error_of, event_data, session_row

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_value", ["0", "' OR 1=1 --", "events:list"])
@pytest.mark.parametrize("action", ["manage_move_up", "manage_cancel_registration"])
def test_a_next_that_is_no_path_leads_back_to_the_manager_page(
    client, world, event, action, next_value
):
    """``redirect("0")`` looked for a view named "0": a 500 after the change was saved."""
    factories.RegistrationFactory(event=event)
    factories.RegistrationFactory(event=event)
    waiting = factories.RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    client.force_login(world.manager)
    url = reverse(f"events:{action}", kwargs={"pk": waiting.pk})

    response = client.post(url, {"next": next_value})

    assert response.status_code == 302
    assert response["Location"] == reverse("events:manage_event", kwargs={"pk": event.pk})
    expected = "cancelled" if action == "manage_cancel_registration" else "waitlisted"
    assert Registration.objects.get(pk=waiting.pk).status == expected


@pytest.mark.parametrize("organisation", ["²", "1①", "-1", "9" * 25, "1" * 5001, ""])
def test_registering_colleagues_for_an_organisation_that_is_no_number_is_refused(
    client, world, event, organisation
):
    """``"²".isdigit()`` is true but ``int("²")`` fails, and ``int()`` refuses more than
    4300 digits: the view answered with a 500."""
    client.force_login(world.owner)
    url = reverse("events:register", kwargs={"pk": event.pk})
    person = world.colleague.people.get()

    response = client.post(
        url, {"organisation": organisation, f"person_{person.pk}": "on", "consent": "on"}
    )

    assert response.status_code == 403
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.parametrize("seats", ["2147483648", "9" * 25])
def test_a_workshop_with_more_seats_than_the_database_holds_is_refused(client, world, seats):
    """The seats went unchecked to the database: ``integer out of range``, a 500."""
    row = session_row(
        0, title="Workshop CNC", starts="18:00", ends="19:00", is_workshop="on", capacity=seats
    )
    data = event_data([world.network.pk], sessions=[row])

    response = as_user(client, world.manager).post(reverse("events:manage_create"), data)

    assert response.status_code == 400
    message = "Ensure this value is less than or equal to 2147483647."
    assert error_of(response.content.decode(), "sessions-0-capacity", message)
    assert not Event.objects.exists()
    assert not Session.objects.exists()


@pytest.mark.parametrize("day", ["31.12.9999", "9999-12-31"])
def test_the_event_list_until_the_last_day_of_the_calendar_shows_the_events(
    client, world, event, day
):
    """One day after 31.12.9999 does not exist: the list answered with a 500."""
    response = client.get(reverse("events:list"), {"date_to": day})

    assert response.status_code == 200
    assert event.title in response.content.decode()

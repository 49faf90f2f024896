"""Capacity changes in the manager's form: more seats promote, fewer need a decision."""

import pytest
from django.urls import reverse

from events.models import Event, Registration, WorkshopChoice
from events.services import registration_cancel
from tests import factories
from tests.events.manage_helpers import as_user, berlin, edit_data, rows_of

pytestmark = pytest.mark.django_db
CONFIRMED, WAITLISTED = Registration.Status.CONFIRMED, Registration.Status.WAITLISTED
DECISION = "Keep those already confirmed; nobody new is confirmed until enough cancel."


@pytest.fixture
def full(world) -> Event:
    """Two seats taken; three on the waiting list: ``second`` was moved up by hand."""
    event = factories.EventFactory(
        title="Fast voll",
        organising_networks=[world.network],
        starts_at=berlin("2099-06-18 17:30"),
        ends_at=berlin("2099-06-18 20:00"),
        capacity=2,
    )
    for name in ["Erste", "Zweite"]:
        factories.RegistrationFactory(event=event, person__last_name=name)
    for name, priority in [("Wartet-1", 0), ("Wartet-2", 1), ("Wartet-3", 0)]:
        factories.RegistrationFactory(
            event=event, status=WAITLISTED, waitlist_priority=priority, person__last_name=name
        )
    return event


def _statuses(event: Event) -> dict[str, str]:
    return dict(event.registrations.values_list("person__last_name", "status"))


def _edit(client, world, event, **changes):
    as_user(client, world.manager)
    return client.post(reverse("events:manage_edit", args=[event.pk]), edit_data(event, **changes))


def test_raising_capacity_promotes_in_waiting_list_order(client, world, full):
    response = _edit(client, world, full, capacity="4")
    assert response.status_code == 302
    assert _statuses(full) == {
        "Erste": CONFIRMED,
        "Zweite": CONFIRMED,
        "Wartet-1": CONFIRMED,
        "Wartet-2": CONFIRMED,
        "Wartet-3": WAITLISTED,
    }


def test_raising_capacity_by_one_promotes_the_one_moved_up(client, world, full):
    _edit(client, world, full, capacity="3")
    assert _statuses(full)["Wartet-2"] == CONFIRMED
    assert _statuses(full)["Wartet-1"] == WAITLISTED


def test_lowering_capacity_below_confirmed_is_refused_without_decision(client, world, full):
    response = _edit(client, world, full, capacity="1", title="Neuer Titel")
    content = response.content.decode()
    assert response.status_code == 400
    assert "2 people are confirmed already. To set a lower capacity, tick" in content
    assert 'id="id_capacity_error"' in content
    assert DECISION in content
    full.refresh_from_db()
    assert (full.capacity, full.title, full.sequence) == (2, "Fast voll", 0)


def test_lowering_capacity_to_the_confirmed_count_needs_no_decision(client, world, full):
    factories.RegistrationFactory(event=full)
    assert _edit(client, world, full, capacity="3").status_code == 302
    full.refresh_from_db()
    assert full.capacity == 3


def test_lowering_capacity_with_decision_keeps_everybody_confirmed(client, world, full):
    response = _edit(client, world, full, capacity="1", keep_confirmed="on")
    assert response.status_code == 302
    full.refresh_from_db()
    assert full.capacity == 1
    assert list(
        full.registrations.filter(status=CONFIRMED).values_list("person__last_name", flat=True)
    ) == [
        "Erste",
        "Zweite",
    ]


def test_after_the_decision_cancellations_promote_only_below_capacity(client, world, full):
    factories.RegistrationFactory(event=full, person__last_name="Dritte")
    _edit(client, world, full, capacity="1", keep_confirmed="on")
    confirmed = {r.person.last_name: r for r in full.registrations.filter(status=CONFIRMED)}
    registration_cancel(registration=confirmed["Erste"], cancelled_by=world.manager)
    assert _statuses(full)["Wartet-2"] == WAITLISTED
    registration_cancel(registration=confirmed["Zweite"], cancelled_by=world.manager)
    assert full.registrations.filter(status=CONFIRMED).count() == 1
    assert full.registrations.filter(status=WAITLISTED).count() == 3
    registration_cancel(registration=confirmed["Dritte"], cancelled_by=world.manager)
    assert _statuses(full)["Wartet-2"] == CONFIRMED
    assert full.registrations.filter(status=CONFIRMED).count() == 1


# --- Workshops --------------------------------------------------------------------------


@pytest.fixture
def workshop(full):
    """A workshop with 1 seat: Erste has it, Zweite waits for it."""
    workshop = factories.WorkshopFactory(
        event=full,
        title="Lean im Mittelstand",
        capacity=1,
        starts_at=berlin("2099-06-18 18:00"),
        ends_at=berlin("2099-06-18 19:00"),
    )
    erste, zweite = full.registrations.filter(status=CONFIRMED).order_by("created_at", "id")
    factories.WorkshopChoiceFactory(registration=erste, session=workshop)
    factories.WorkshopChoiceFactory(
        registration=zweite, session=workshop, status=WorkshopChoice.Status.WAITLISTED
    )
    return workshop


def _choices(workshop) -> dict[str, str]:
    return dict(workshop.choices.values_list("registration__person__last_name", "status"))


def _workshop_rows(event, **values):
    rows, _people = rows_of(event)
    rows[0].update({f"sessions-0-{key}": value for key, value in values.items()})
    return rows


def test_raising_workshop_capacity_gives_seats_to_those_waiting(client, world, full, workshop):
    response = _edit(client, world, full, sessions=_workshop_rows(full, capacity="2"))
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.capacity == 2
    assert _choices(workshop) == {"Erste": "confirmed", "Zweite": "confirmed"}


def test_lowering_workshop_capacity_below_confirmed_needs_the_decision(
    client, world, full, workshop
):
    response = _edit(client, world, full, sessions=_workshop_rows(full, capacity="0"))
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_sessions-0-capacity_error"' in content
    assert "1 place is confirmed already." in content
    workshop.refresh_from_db()
    assert workshop.capacity == 1
    rows = _workshop_rows(full, capacity="0")
    assert _edit(client, world, full, sessions=rows, keep_confirmed="on").status_code == 302
    workshop.refresh_from_db()
    assert workshop.capacity == 0
    assert _choices(workshop) == {"Erste": "confirmed", "Zweite": "waitlisted"}


def test_workshop_with_choices_cannot_be_removed(client, world, full, workshop):
    response = _edit(client, world, full, sessions=_workshop_rows(full, DELETE="on"))
    assert response.status_code == 400
    assert "People have chosen this workshop; it cannot be removed." in response.content.decode()
    assert full.sessions.get() == workshop


def test_workshop_with_choices_stays_a_workshop(client, world, full, workshop):
    response = _edit(client, world, full, sessions=_workshop_rows(full, is_workshop=""))
    assert response.status_code == 400
    assert "People have chosen this workshop; it must stay a workshop." in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.is_workshop

"""The manager's move-ups and walk-ins keep the capacity under real concurrency.

Threads with their own database connections call ``events.services.attendance``;
PostgreSQL serialises them on the locked event row (pattern of test_concurrency.py).
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events.models import Event, Registration
from events.services.attendance import NewPerson, registration_move_up, registration_walk_in
from members.models import User
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 16


def _in_thread(action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        try:
            return action()
        finally:
            connection.close()

    return run


def _run_all(actions: list[Callable[[], object]]) -> list[object]:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(action) for action in actions]
        return [future.result() for future in futures]  # re-raises any error


def _move_up(registration: Registration, manager: User) -> Callable[[], object]:
    return _in_thread(lambda: registration_move_up(registration=registration, moved_by=manager))


def _walk_in(event: Event, manager: User, **whom) -> Callable[[], object]:
    return _in_thread(lambda: registration_walk_in(event=event, added_by=manager, **whom))


def _confirmed(event: Event) -> int:
    return Registration.objects.filter(event=event, status="confirmed").count()


def test_parallel_move_ups_and_walk_ins_never_exceed_capacity():
    manager = factories.UserFactory()
    event = factories.EventFactory(capacity=10)
    # A raised capacity left 10 seats free while 60 people wait.
    waiting = [factories.RegistrationFactory(event=event, status="waitlisted") for _ in range(60)]
    organisation = factories.OrganisationFactory()
    actions = [_move_up(registration, manager) for registration in waiting]
    for index in range(40):  # walk-ins without the over-capacity decision, spread among them
        new = NewPerson(first_name="Gast", last_name=f"Nr{index}", organisation=organisation)
        actions.insert(index * 2 + 1, _walk_in(event, manager, new_person=new))
    results = _run_all(actions)
    assert len(results) == 100
    assert _confirmed(event) == 10
    assert Registration.objects.filter(event=event, status="waitlisted").count() == 90
    for registration in Registration.objects.filter(event=event):  # only walk-ins let in
        let_in = registration.source == "walk_in" and registration.is_confirmed
        assert (registration.checked_in_at is not None) == let_in


def test_parallel_move_ups_when_full_give_everyone_their_own_place():
    manager = factories.UserFactory()
    event = factories.EventFactory(capacity=3)
    for _ in range(3):
        factories.RegistrationFactory(event=event)
    waiting = [factories.RegistrationFactory(event=event, status="waitlisted") for _ in range(30)]
    _run_all([_move_up(registration, manager) for registration in waiting])
    priorities = Registration.objects.filter(event=event, status="waitlisted").values_list(
        "waitlist_priority", flat=True
    )
    assert sorted(priorities) == list(range(1, 31))
    assert _confirmed(event) == 3


def test_parallel_walk_ins_with_the_decision_are_all_let_in():
    manager = factories.UserFactory()
    event = factories.EventFactory(capacity=5)
    people = [factories.PersonFactory() for _ in range(20)]
    plain = [_walk_in(event, manager, person=person) for person in people[:10]]
    decided = [_walk_in(event, manager, person=p, over_capacity=True) for p in people[10:]]
    _run_all([action for pair in zip(plain, decided, strict=True) for action in pair])
    registrations = Registration.objects.filter(event=event)
    decided_in = registrations.filter(person__in=people[10:], status="confirmed").count()
    plain_in = registrations.filter(person__in=people[:10], status="confirmed").count()
    plain_waiting = registrations.filter(person__in=people[:10], status="waitlisted").count()
    assert decided_in == 10
    assert plain_in <= 5
    assert plain_waiting == 10 - plain_in

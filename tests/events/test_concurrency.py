"""Capacity holds under real concurrency: threads with their own database connections.

Each thread registers or cancels through ``events.services``; PostgreSQL serialises them
on the locked event row. Afterwards the rows must show exactly the capacity confirmed.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events.models import Event, Registration, Session, WorkshopChoice
from events.services import registration_cancel, registration_create
from members.models import Person
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 200
WORKERS = 16


@pytest.fixture
def crowded() -> tuple[Event, Session]:
    event = factories.EventFactory(capacity=20)
    workshop = factories.WorkshopFactory(event=event, capacity=5)
    return event, workshop


def _in_thread(action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        try:
            return action()
        finally:
            connection.close()

    return run


def _register(event: Event, workshop: Session, person: Person) -> Callable[[], object]:
    return _in_thread(
        lambda: registration_create(
            event=event, person=person, registered_by=person.user, workshops=[workshop]
        )
    )


def _run_all(actions: list[Callable[[], object]]) -> list[object]:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(action) for action in actions]
        return [future.result() for future in futures]  # re-raises any error


def _counts(event: Event, workshop: Session) -> tuple[int, int, int]:
    statuses = Registration.objects.filter(event=event).values_list("status", flat=True)
    seats = workshop.choices.filter(status=WorkshopChoice.Status.CONFIRMED).count()
    return (
        statuses.filter(status="confirmed").count(),
        statuses.filter(status="waitlisted").count(),
        seats,
    )


def test_concurrent_registrations_never_exceed_capacity(crowded):
    event, workshop = crowded
    people = [factories.PersonFactory() for _ in range(ATTEMPTS)]
    results = _run_all([_register(event, workshop, person) for person in people])
    assert len(results) == ATTEMPTS
    assert _counts(event, workshop) == (20, ATTEMPTS - 20, 5)


def test_concurrent_cancellations_and_registrations_keep_capacity(crowded):
    event, workshop = crowded
    early = [factories.PersonFactory() for _ in range(40)]
    registrations = _run_all([_register(event, workshop, person) for person in early])
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    cancels = [
        _in_thread(lambda r=r: registration_cancel(registration=r, cancelled_by=r.person.user))
        for r in confirmed[:10]
    ]
    late = [factories.PersonFactory() for _ in range(ATTEMPTS - 40)]
    actions = [_register(event, workshop, person) for person in late]
    for index, cancel in enumerate(cancels):  # spread the cancellations among the others
        actions.insert(index * WORKERS + WORKERS // 2, cancel)
    _run_all(actions)
    cancelled = Registration.objects.filter(event=event, status="cancelled").count()
    assert cancelled == 10
    assert _counts(event, workshop) == (20, ATTEMPTS - 20 - 10, 5)


def test_waiting_list_promotion_keeps_arrival_order_under_concurrency(crowded):
    event, workshop = crowded
    people = [factories.PersonFactory() for _ in range(30)]
    registrations = _run_all([_register(event, workshop, person) for person in people])
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    _run_all(
        [
            _in_thread(lambda r=r: registration_cancel(registration=r, cancelled_by=r.person.user))
            for r in confirmed[:5]
        ]
    )
    waiting = Registration.objects.filter(event=event).exclude(status="cancelled")
    ordered = list(waiting.order_by("created_at", "id").values_list("status", flat=True))
    assert ordered == ["confirmed"] * 20 + ["waitlisted"] * 5

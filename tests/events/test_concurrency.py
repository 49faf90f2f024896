"""Capacity holds under real concurrency: threads with their own database connections.

Each thread registers or cancels through ``events.services``; PostgreSQL serialises them
on the locked event row. Afterwards the rows must show exactly the capacity confirmed.
"""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from django.utils import translation

from events.cancel_links import cancel_url
from events.models import Event, Registration, Session, WorkshopChoice
from events.services import RegistrationError, registration_cancel, registration_create
from members.models import Person
from network_portal.models import Consent, OutgoingMail
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


def _waiting_for_locks(count: int, *, timeout: float = 10.0) -> None:
    """Wait until ``count`` other connections wait for a lock (the event's row)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # fresh within a transaction
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0] >= count:
                return
        time.sleep(0.02)
    raise AssertionError(f"{count} registrations never waited for the event's lock")


def _register_or_refusal(event: Event, person: Person) -> Callable[[], object]:
    def attempt() -> object:
        try:
            return registration_create(event=event, person=person, registered_by=person.user)
        except RegistrationError as error:
            with translation.override("en"):
                return str(error.message)

    return _in_thread(attempt)


def test_same_person_twice_at_once_is_registered_once():
    """Both attempts pass the checks before the lock (it is held here meanwhile); under
    the lock the unique constraint refuses the second: one registration, one clear refusal,
    one consent and one mail, no error."""
    event = factories.EventFactory(capacity=1)
    person = factories.PersonFactory()
    with ThreadPoolExecutor(max_workers=2) as pool:
        with transaction.atomic():
            Event.objects.select_for_update().get(pk=event.pk)
            futures = [pool.submit(_register_or_refusal(event, person)) for _ in range(2)]
            _waiting_for_locks(2)
        results = [future.result() for future in futures]
    [registration] = [result for result in results if isinstance(result, Registration)]
    assert [result for result in results if isinstance(result, str)] == [
        "This person is already registered for the event."
    ]
    assert list(Registration.objects.values_list("pk", "status")) == [
        (registration.pk, Registration.Status.CONFIRMED)
    ]
    assert Consent.objects.filter(person=person).count() == 1
    assert list(OutgoingMail.objects.values_list("key", flat=True)) == [
        f"registration-confirmed:{registration.pk}"
    ]


def test_mails_rendered_before_the_lock_follow_the_status_given_under_it():
    """Three attempts for the last seat see it free before the lock; the one that gets it
    is confirmed, the others are waitlisted, and each mail says what they got, with the
    cancel link of their own registration."""
    event = factories.EventFactory(capacity=1)
    people = [factories.PersonFactory() for _ in range(3)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        with transaction.atomic():
            Event.objects.select_for_update().get(pk=event.pk)
            futures = [pool.submit(_register_or_refusal(event, person)) for person in people]
            _waiting_for_locks(3)
        registrations = [future.result() for future in futures]
    assert sorted(r.status for r in registrations) == ["confirmed", "waitlisted", "waitlisted"]
    mails = {mail.key: mail for mail in OutgoingMail.objects.all()}
    assert len(mails) == 3
    for registration in registrations:
        kind = f"registration-{registration.status}"
        mail = mails[f"{kind}:{registration.pk}"]
        assert mail.kind == kind
        assert mail.recipient == registration.person.user.email
        assert cancel_url(registration) in mail.body_text
        assert cancel_url(registration) in mail.body_html
        assert len(mail.attachments) == (1 if registration.is_confirmed else 0)

"""Retention: access needs end with the event; attendee data ends with the retention period.

``retention_run`` is the daily Celery task's service (``network_portal.privacy_retention``).
It is idempotent: a second run finds nothing left to do.

- Once an event is over, its registrations' access needs are deleted.
- Once an event ended more than ``PRIVACY_RETENTION_MONTHS`` (default 24) ago, its
  registrations no longer name anybody: each points at a placeholder person of the same
  organisation ("Anonymised attendee 1", "2", ...; reused across events), who registered,
  cancelled or checked them in is cleared, the consents about the event are deleted and
  the mails about it lose address and content. Status, organisation, workshops and
  check-in times stay, so the event's figures remain.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from events.models import Event, Registration
from members.models import Organisation, Person
from network_portal.audit import audit_record
from network_portal.models import AnonymisedPerson, Consent, ConsentPurpose
from network_portal.outbox import mail_about
from network_portal.privacy.anonymise import mails_erase, placeholder_name


@dataclass(frozen=True)
class RetentionReport:
    access_needs_deleted: int
    events_anonymised: int
    registrations_anonymised: int


def retention_run(*, now: datetime.datetime | None = None) -> RetentionReport:
    now = now or timezone.now()
    access_needs = access_needs_delete(now=now)
    cutoff = months_before(now, settings.PRIVACY_RETENTION_MONTHS)
    anonymised = [event_attendees_anonymise(event_id=pk) for pk in events_due(cutoff=cutoff)]
    return RetentionReport(
        access_needs_deleted=access_needs,
        events_anonymised=len(anonymised),
        registrations_anonymised=sum(anonymised),
    )


def access_needs_delete(*, now: datetime.datetime) -> int:
    """Delete the access needs of registrations for events that are over."""
    over = Registration.objects.filter(event__ends_at__lte=now).exclude(access_needs="")
    return over.update(access_needs="")


def events_due(*, cutoff: datetime.datetime) -> list[int]:
    """Events that ended before ``cutoff`` and still hold data about attendees."""
    named = (
        Q(registrations__person__anonymisation__isnull=True)
        | Q(registrations__registered_by__isnull=False)
        | Q(registrations__cancelled_by__isnull=False)
        | Q(registrations__checked_in_by__isnull=False)
    )
    due = Event.objects.filter(named, ends_at__lt=cutoff).order_by("pk").distinct()
    return list(due.values_list("pk", flat=True))


@transaction.atomic
def event_attendees_anonymise(*, event_id: int) -> int:
    """Point the event's registrations at placeholders and clear who acted on them.

    Runs under the event's row lock, like every registration change. Returns how many
    registrations were pointed at placeholders.
    """
    event = Event.objects.select_for_update().get(pk=event_id)
    named = list(
        event.registrations.filter(person__anonymisation__isnull=True).order_by(
            "organisation_id", "pk"
        )
    )
    by_organisation: dict[int, list[Registration]] = defaultdict(list)
    for registration in named:
        by_organisation[registration.organisation_id].append(registration)
    for organisation_id, registrations in by_organisation.items():
        _point_at_placeholders(event=event, organisation_id=organisation_id, rows=registrations)
    event.registrations.update(
        registered_by=None, cancelled_by=None, checked_in_by=None, access_needs=""
    )
    _event_consents_delete(event)
    registration_ids = event.registrations.values_list("pk", flat=True)
    mails_erase(
        about=[mail_about(event), *(f"events.registration:{pk}" for pk in registration_ids)]
    )
    audit_record(
        actor=None, action="privacy.retention", target=event, details={"registrations": len(named)}
    )
    return len(named)


def _point_at_placeholders(*, event: Event, organisation_id: int, rows: list) -> None:
    """One placeholder per open registration of the organisation (one registration per
    person and event); cancelled registrations all share the first."""
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    placeholders = _placeholders_of(organisation_id)
    taken = set(
        event.registrations.filter(organisation_id=organisation_id, person__in=placeholders)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("person_id", flat=True)
    )
    for registration in rows:
        if registration.status == Registration.Status.CANCELLED:
            person = placeholders[0] if placeholders else _placeholder_add(organisation_id)
        else:
            person = _first_free(placeholders, taken) or _placeholder_add(organisation_id)
            taken.add(person.pk)
        if person not in placeholders:
            placeholders.append(person)
        registration.person = person
        registration.save(update_fields=["person"])


def _placeholders_of(organisation_id: int) -> list[Person]:
    return list(
        Person.objects.filter(
            organisation_id=organisation_id,
            anonymisation__reason=AnonymisedPerson.Reason.RETENTION,
        ).order_by("anonymisation__slot")
    )


def _first_free(placeholders: list[Person], taken: set[int]) -> Person | None:
    return next((person for person in placeholders if person.pk not in taken), None)


def _placeholder_add(organisation_id: int) -> Person:
    slots = AnonymisedPerson.objects.filter(
        organisation_id=organisation_id, reason=AnonymisedPerson.Reason.RETENTION
    )
    slot = (slots.order_by("-slot").values_list("slot", flat=True).first() or 0) + 1
    person = Person.objects.create(
        organisation_id=organisation_id,
        role=Person.Role.CONTACT,
        first_name=placeholder_name(),
        last_name=str(slot),
        is_active=False,
    )
    AnonymisedPerson.objects.create(
        person=person,
        organisation_id=organisation_id,
        reason=AnonymisedPerson.Reason.RETENTION,
        slot=slot,
    )
    return person


def _event_consents_delete(event: Event) -> None:
    Consent.objects.filter(
        purpose=ConsentPurpose.EVENT_REGISTRATION,
        about_type=ContentType.objects.get_for_model(Event),
        about_id=event.pk,
    ).delete()


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day when
    the day does not exist, e.g. 31 March - 1 month = 28/29 February)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    last_day = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))

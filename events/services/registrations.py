"""Every write about registrations. Capacity is decided under a lock on the event row.

Registrations and cancellations of one event lock its row (``SELECT ... FOR UPDATE``), so
they run one after the other; seats are counted inside that lock. A registration does
everything that does not decide on a seat before it takes the lock: the rules, the
consent, the mail (rendered for the status the seats count promises). Under the lock it
checks again only what may have changed meanwhile (the event still open, the
organisation's limit, the seats), inserts the registration and records its mail. The
unique constraint ``one_open_registration_per_person`` refuses a second registration of
the same person that came in meanwhile. The per-organisation limit counts the
organisation's non-cancelled registrations (confirmed and waitlisted), so a full waiting
list cannot be filled by one organisation.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration, Session, WorkshopChoice
from events.selectors.public import RegistrationWindow, organisation_in_audience
from events.selectors.public import registration_window as _registration_window
from events.services import notifications
from members.models import Organisation, Person, User
from network_portal.models import ConsentPurpose
from network_portal.privacy.consent import consent_record

OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
ALREADY_REGISTERED = _("This person is already registered for the event.")


class RegistrationError(Exception):
    """A registration or cancellation that the rules do not allow; ``message`` says why."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


def registration_create(
    *,
    event: Event,
    person: Person,
    registered_by: User,
    workshops: Iterable[Session] = (),
    access_needs: str = "",
    consent: bool = True,
    source: str = Registration.Source.SELF,
) -> Registration:
    """Register ``person``: confirmed while seats are left, otherwise on the waiting list.

    Only people of organisations in the event's audience may register (see
    ``organisations_in_audience``). The person gets their mail (confirmed or waiting list)
    through the outbox, in the same transaction.
    """
    _check_event_open(event=event, consent=consent)
    _check_audience(event=event, organisation_id=person.organisation_id)
    plan = registration_plan(
        event=event,
        person=person,
        registered_by=registered_by,
        workshops=list(workshops),
        access_needs=access_needs,
        source=source,
    )
    return _register(event_id=event.pk, plan=plan)


@transaction.atomic
def _register(*, event_id: int, plan: "Plan") -> Registration:
    plan_consent(plan)
    event = registration_lock(event_id)
    return registration_insert(event=event, plan=plan)


# --- Before the lock: the rules, the consent, the mail -----------------------------------


@dataclass(frozen=True)
class Plan:
    """A registration that passed the rules before the lock, with its mail rendered."""

    event: Event
    person: Person
    registered_by: User
    workshops: list[Session]
    access_needs: str
    source: str
    mail: notifications.PendingMail


def registration_plan(
    *,
    event: Event,
    person: Person,
    registered_by: User,
    workshops: list[Session],
    access_needs: str,
    source: str,
    earlier: int = 0,
) -> Plan:
    """Check the rules for ``person`` (not whether the event is open, nor its audience) and
    render the mail. ``earlier``: registrations of the same organisation planned before in
    the same transaction (a batch of colleagues), counted for the limit and the seats."""
    counts = Registration.objects.filter(event_id=event.pk).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        mine=Count("pk", filter=Q(status__in=OPEN, person_id=person.pk)),
        ours=Count("pk", filter=Q(status__in=OPEN, organisation_id=person.organisation_id)),
    )
    if counts["mine"]:
        raise RegistrationError(ALREADY_REGISTERED)
    _check_organisation_limit(event=event, taken=counts["ours"] + earlier)
    _check_workshops(event=event, workshops=workshops)
    if person.user_id is not None and person.user_id == registered_by.pk:
        person.user = registered_by  # the mail needs the account: no query for it
    seat = counts["confirmed"] + earlier < event.capacity
    expected = Registration(
        event=event,
        person=person,
        organisation_id=person.organisation_id,
        registered_by=registered_by,
        status=Registration.Status.CONFIRMED if seat else Registration.Status.WAITLISTED,
        source=source,
    )
    return Plan(
        event=event,
        person=person,
        registered_by=registered_by,
        workshops=workshops,
        access_needs=access_needs,
        source=source,
        mail=notifications.registration_mail_prepare(expected),
    )


def plan_consent(plan: Plan) -> None:
    """Record the consent given with the registration (in its transaction)."""
    consent_record(
        purpose=ConsentPurpose.EVENT_REGISTRATION,
        user=plan.registered_by,
        person=plan.person,
        about=plan.event,
    )


# --- Under the lock: seats, the registration, its mail -----------------------------------


def registration_lock(event_id: int) -> Event:
    """Lock the event's row until commit; refuse if it closed meanwhile."""
    event = Event.objects.select_for_update().get(pk=event_id)
    _check_open(event)
    return event


def registration_insert(*, event: Event, plan: Plan) -> Registration:
    """Insert the planned registration into the locked ``event`` (``registration_lock``)."""
    confirmed, ours = _locked_counts(event=event, organisation_id=plan.person.organisation_id)
    _check_organisation_limit(event=event, taken=ours)
    seat = confirmed < event.capacity
    try:
        registration = Registration.objects.create(
            event=event,
            person=plan.person,
            organisation_id=plan.person.organisation_id,
            registered_by=plan.registered_by,
            status=Registration.Status.CONFIRMED if seat else Registration.Status.WAITLISTED,
            source=plan.source,
            access_needs=plan.access_needs,
            consent_at=timezone.now(),
        )
    except IntegrityError as error:  # registered in another request meanwhile
        # No savepoint: the transaction is rolled back as the error leaves ``atomic``.
        raise RegistrationError(ALREADY_REGISTERED) from error
    _choose_workshops(registration=registration, workshops=plan.workshops)
    notifications.mail_registration_created_prepared(registration, plan.mail)
    return registration


def _locked_counts(*, event: Event, organisation_id: int) -> tuple[int, int]:
    """Confirmed registrations; the organisation's open ones when the event limits them."""
    if event.seats_per_organisation is None:
        return _confirmed(event), 0
    counts = Registration.objects.filter(event_id=event.pk).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        ours=Count("pk", filter=Q(status__in=OPEN, organisation_id=organisation_id)),
    )
    return counts["confirmed"], counts["ours"]


# --- The rules -----------------------------------------------------------------------------


def _check_event_open(*, event: Event, consent: bool) -> None:
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data."))
    _check_open(event)


def _check_open(event: Event) -> None:
    if event.status != Event.Status.PUBLISHED:
        raise RegistrationError(_("This event is not open for registration."))
    window = _registration_window(event)
    if window == RegistrationWindow.NOT_YET:
        raise RegistrationError(_("Registration has not opened yet."))
    if window == RegistrationWindow.CLOSED:
        raise RegistrationError(_("Registration is closed."))


def _check_audience(*, event: Event, organisation_id: int) -> None:
    if not organisation_in_audience(event=event, organisation_id=organisation_id):
        name = Organisation.objects.values_list("name", flat=True).get(pk=organisation_id)
        raise RegistrationError(
            _(
                "Only members of the networks this event is meant for may register; "
                "%(organisation)s is not a member of them."
            )
            % {"organisation": name}
        )


def _check_organisation_limit(*, event: Event, taken: int) -> None:
    limit = event.seats_per_organisation
    if limit is not None and taken >= limit:
        raise RegistrationError(
            _("Your organisation has reached its limit of registrations for this event.")
        )


def _check_workshops(*, event: Event, workshops: list[Session]) -> None:
    for workshop in workshops:
        if workshop.event_id != event.pk or not workshop.is_workshop:
            raise RegistrationError(_("Please choose only workshops of this event."))
    for index, workshop in enumerate(workshops):
        if any(workshop.overlaps(other) for other in workshops[index + 1 :]):
            raise RegistrationError(_("Please choose workshops that do not overlap in time."))


def _confirmed(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _seats_left(event: Event) -> int:
    return event.capacity - _confirmed(event)


def _workshop_seats_left(workshop: Session) -> int | None:
    if workshop.capacity is None:
        return None
    confirmed = workshop.choices.filter(status=WorkshopChoice.Status.CONFIRMED).count()
    return workshop.capacity - confirmed


def _choose_workshops(*, registration: Registration, workshops: list[Session]) -> None:
    WorkshopChoice.objects.bulk_create(
        WorkshopChoice(
            registration=registration, session=workshop, status=WorkshopChoice.Status.WAITLISTED
        )
        for workshop in workshops
    )
    if registration.is_confirmed:
        _fill_workshops(workshops)


def _fill_workshops(workshops: Iterable[Session]) -> None:
    """Give free workshop seats to waitlisted choices of confirmed attendees, in order."""
    for workshop in workshops:
        left = _workshop_seats_left(workshop)
        waiting = workshop.choices.filter(
            status=WorkshopChoice.Status.WAITLISTED,
            registration__status=Registration.Status.CONFIRMED,
        ).order_by(
            "-registration__waitlist_priority", "registration__created_at", "registration_id"
        )
        if left is not None:
            waiting = waiting[: max(left, 0)]
        WorkshopChoice.objects.filter(pk__in=[c.pk for c in waiting]).update(
            status=WorkshopChoice.Status.CONFIRMED
        )


@transaction.atomic
def registration_cancel(
    *, registration: Registration, cancelled_by: User | None, by_manager: bool = False
) -> Registration:
    """Cancel before the deadline; the freed seats go to the first on the waiting lists.

    ``by_manager``: a manager of the event cancels, and may do so after the deadline.
    ``cancelled_by`` is ``None`` for a cancel link used by a person without an account.
    The person gets a cancellation mail, the promoted ones their promotion mail.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_related("person__user", "registered_by").get(
        pk=registration.pk
    )
    registration.event = event
    if registration.status == Registration.Status.CANCELLED:
        raise RegistrationError(_("This registration is already cancelled."))
    if not by_manager and timezone.now() >= event.cancellation_closes:
        raise RegistrationError(_("The cancellation deadline has passed."))
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.cancelled_by = cancelled_by
    registration.save(update_fields=["status", "cancelled_at", "cancelled_by"])
    registration.choices.update(status=WorkshopChoice.Status.CANCELLED)
    notifications.mail_cancelled(registration, by_manager=by_manager)
    promote_waitlisted(event)
    _fill_workshops(event.sessions.filter(is_workshop=True))
    return registration


def promote_waitlisted(event: Event) -> list[Registration]:
    """Confirm the first waitlisted registrations while seats are left; each promoted
    person gets their promotion mail (with the calendar entry) in this transaction.

    Call it with the event row locked (inside the transaction that freed or added seats).
    Returns the promoted registrations, with their new status.
    """
    left = _seats_left(event)
    if left <= 0:
        return []
    waiting = list(
        event.registrations.filter(status=Registration.Status.WAITLISTED)
        .select_related("person__user", "registered_by")
        .order_by(*Registration.WAITLIST_ORDER)[:left]
    )
    Registration.objects.filter(pk__in=[r.pk for r in waiting]).update(
        status=Registration.Status.CONFIRMED
    )
    for registration in waiting:
        registration.status = Registration.Status.CONFIRMED
        registration.event = event
    notifications.mail_promoted(waiting)
    return waiting


def fill_workshops(workshops: Iterable[Session]) -> None:
    """Give free workshop seats to the waiting choices of confirmed attendees, in order.

    Call it with the event row locked, after seats were added (e.g. a larger capacity).
    """
    _fill_workshops(workshops)

"""Every write about registrations. Capacity is decided under a lock on the event row.

Each function locks the event (``SELECT ... FOR UPDATE``) first, so registrations and
cancellations of one event run one after the other; seats are counted inside that lock.
The per-organisation limit counts the organisation's non-cancelled registrations
(confirmed and waitlisted), so a full waiting list cannot be filled by one organisation.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration, Session, WorkshopChoice
from events.selectors.public import RegistrationWindow, organisations_in_audience
from events.selectors.public import registration_window as _registration_window
from events.services import notifications
from members import roles
from members.models import Organisation, Person, User
from network_portal.models import ConsentPurpose
from network_portal.privacy.consent import consent_give

OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


class RegistrationError(Exception):
    """A registration or cancellation that the rules do not allow; ``message`` says why."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
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
    ``organisations_in_audience``).
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    workshops = list(workshops)
    _check_can_register(event=event, person=person, consent=consent)
    _check_workshops(event=event, workshops=workshops)
    status = (
        Registration.Status.CONFIRMED if _seats_left(event) > 0 else Registration.Status.WAITLISTED
    )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                person=person,
                organisation_id=person.organisation_id,
                registered_by=registered_by,
                status=status,
                source=source,
                access_needs=access_needs,
                consent_at=timezone.now(),
            )
    except IntegrityError as error:
        raise RegistrationError(_("This person is already registered for the event.")) from error
    _choose_workshops(registration=registration, workshops=workshops)
    consent_give(
        purpose=ConsentPurpose.EVENT_REGISTRATION, user=registered_by, person=person, about=event
    )
    notifications.mail_registration_created(registration)
    return registration


def _check_can_register(*, event: Event, person: Person, consent: bool) -> None:
    _check_event_open(event=event, consent=consent)
    _check_audience(event=event, organisation_id=person.organisation_id)
    if event.registrations.filter(person=person, status__in=OPEN).exists():
        raise RegistrationError(_("This person is already registered for the event."))
    _check_organisation_limit(event=event, person=person)


def _check_event_open(*, event: Event, consent: bool) -> None:
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data."))
    if event.status != Event.Status.PUBLISHED:
        raise RegistrationError(_("This event is not open for registration."))
    window = _registration_window(event)
    if window == RegistrationWindow.NOT_YET:
        raise RegistrationError(_("Registration has not opened yet."))
    if window == RegistrationWindow.CLOSED:
        raise RegistrationError(_("Registration is closed."))


def _check_audience(*, event: Event, organisation_id: int) -> None:
    if not organisations_in_audience(event=event, organisation_ids=[organisation_id]):
        name = Organisation.objects.values_list("name", flat=True).get(pk=organisation_id)
        raise RegistrationError(
            _(
                "Only members of the networks this event is meant for may register; "
                "%(organisation)s is not a member of them."
            )
            % {"organisation": name}
        )


def _check_organisation_limit(*, event: Event, person: Person) -> None:
    limit = event.seats_per_organisation
    if limit is None:
        return
    taken = event.registrations.filter(
        organisation_id=person.organisation_id, status__in=OPEN
    ).count()
    if taken >= limit:
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


def _seats_left(event: Event) -> int:
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return event.capacity - confirmed


def _workshop_seats_left(workshop: Session) -> int | None:
    if workshop.capacity is None:
        return None
    confirmed = workshop.choices.filter(status=WorkshopChoice.Status.CONFIRMED).count()
    return workshop.capacity - confirmed


def _choose_workshops(*, registration: Registration, workshops: list[Session]) -> None:
    for workshop in workshops:
        WorkshopChoice.objects.create(
            registration=registration, session=workshop, status=WorkshopChoice.Status.WAITLISTED
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


# --- Colleagues: several attendees of one organisation in one step -----------------------


@dataclass(frozen=True)
class Attendee:
    """One person an organisation admin registers: an existing ``person`` of the
    organisation, or a new one by ``first_name``, ``last_name`` and ``email``."""

    person: Person | None = None
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    workshops: tuple[Session, ...] = ()
    access_needs: str = ""

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.full_name
        return f"{self.first_name} {self.last_name}".strip() or self.email


class AttendeeError(RegistrationError):
    """A rule refused the attendee at ``index``; nothing of the batch was saved."""

    def __init__(self, message, *, index: int, name: str) -> None:
        super().__init__(message)
        self.index = index
        self.name = name


@transaction.atomic
def registrations_create_for_colleagues(
    *,
    event: Event,
    organisation: Organisation,
    attendees: Sequence[Attendee],
    registered_by: User,
    consent: bool,
) -> list[Registration]:
    """Register ``attendees`` of ``organisation`` in their order: all or nothing.

    The event row stays locked for the whole batch, so the seats run out in the order of
    the attendees and no other registration comes in between. New persons are created as
    contacts of the organisation. Raises ``AttendeeError`` for the first attendee a rule
    refuses, ``RegistrationError`` when the event or the admin cannot register anyone.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    _check_may_register_colleagues(user=registered_by, organisation=organisation)
    _check_event_open(event=event, consent=consent)
    _check_audience(event=event, organisation_id=organisation.pk)
    if not attendees:
        raise RegistrationError(_("Please choose at least one person to register."))
    _check_attendees_distinct(organisation=organisation, attendees=attendees)
    return [
        _register_attendee(
            event=event, organisation=organisation, attendee=a, index=i, by=registered_by
        )
        for i, a in enumerate(attendees)
    ]


def _check_may_register_colleagues(*, user: User, organisation: Organisation) -> None:
    if organisation.pk not in roles.for_user(user).admin_of:
        raise RegistrationError(_("Only an admin of the organisation can register its people."))


def _check_attendees_distinct(*, organisation: Organisation, attendees: Sequence[Attendee]) -> None:
    """Nobody twice in the batch, and no new person who exists already."""
    emails = organisation.people.filter(is_active=True).values_list("email", flat=True)
    known = {email.lower() for email in emails if email}
    seen: set[object] = set()
    for index, attendee in enumerate(attendees):
        key = attendee.person.pk if attendee.person else attendee.email.strip().lower()
        if key and key in seen:
            raise AttendeeError(_("This person is listed twice."), index=index, name=attendee.name)
        seen.add(key)
        if attendee.person is None and attendee.email.strip().lower() in known:
            raise AttendeeError(
                _("A person with this e-mail address exists already; please tick them above."),
                index=index,
                name=attendee.name,
            )


def _register_attendee(
    *, event: Event, organisation: Organisation, attendee: Attendee, index: int, by: User
) -> Registration:
    try:
        person = attendee.person or _new_contact(organisation=organisation, attendee=attendee)
        if person.organisation_id != organisation.pk:
            raise RegistrationError(_("This person does not belong to your organisation."))
        source = (
            Registration.Source.SELF if person.user_id == by.pk else Registration.Source.COLLEAGUE
        )
        return registration_create(
            event=event,
            person=person,
            registered_by=by,
            workshops=attendee.workshops,
            access_needs=attendee.access_needs,
            source=source,
        )
    except RegistrationError as error:
        raise AttendeeError(error.message, index=index, name=attendee.name) from error


def _new_contact(*, organisation: Organisation, attendee: Attendee) -> Person:
    """A new person of the organisation, without an account (role "contact")."""
    if not attendee.first_name.strip() or not attendee.last_name.strip():
        raise RegistrationError(_("Please enter the first and the last name."))
    try:
        validate_email(attendee.email)
    except ValidationError as error:
        raise RegistrationError(_("Please enter a valid e-mail address.")) from error
    return Person.objects.create(
        organisation=organisation,
        role=Person.Role.CONTACT,
        first_name=attendee.first_name.strip(),
        last_name=attendee.last_name.strip(),
        email=attendee.email.strip(),
    )


def fill_workshops(workshops: Iterable[Session]) -> None:
    """Give free workshop seats to the waiting choices of confirmed attendees, in order.

    Call it with the event row locked, after seats were added (e.g. a larger capacity).
    """
    _fill_workshops(workshops)

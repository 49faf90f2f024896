"""Colleagues: an organisation admin registers several attendees of one organisation at once.

All or nothing, in the order of the attendees. As for a single registration
(``events.services.registrations``), the rules, the new contacts, the consents and the mails
come before the event's row is locked; under the lock the attendees are inserted one after
the other, so the seats run out in their order and no other registration comes in between.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration, Session
from events.services.registrations import (
    Plan,
    RegistrationError,
    _check_audience,
    _check_event_open,
    plan_consent,
    registration_insert,
    registration_lock,
    registration_plan,
)
from members import roles
from members.models import Organisation, Person, User


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


def registrations_create_for_colleagues(
    *,
    event: Event,
    organisation: Organisation,
    attendees: Sequence[Attendee],
    registered_by: User,
    consent: bool,
) -> list[Registration]:
    """Register ``attendees`` of ``organisation`` in their order: all or nothing.

    New persons are created as contacts of the organisation. Raises ``AttendeeError`` for
    the first attendee a rule refuses, ``RegistrationError`` when the event or the admin
    cannot register anyone.
    """
    _check_may_register_colleagues(user=registered_by, organisation=organisation)
    _check_event_open(event=event, consent=consent)
    _check_audience(event=event, organisation_id=organisation.pk)
    if not attendees:
        raise RegistrationError(_("Please choose at least one person to register."))
    _check_attendees_distinct(organisation=organisation, attendees=attendees)
    with transaction.atomic():
        plans = [
            _plan_attendee(
                event=event, organisation=organisation, attendee=a, index=i, by=registered_by
            )
            for i, a in enumerate(attendees)
        ]
        for plan in plans:
            plan_consent(plan)
        locked = registration_lock(event.pk)
        return [
            _insert_attendee(event=locked, plan=plan, index=i, attendee=a)
            for i, (plan, a) in enumerate(zip(plans, attendees, strict=True))
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


def _plan_attendee(
    *, event: Event, organisation: Organisation, attendee: Attendee, index: int, by: User
) -> Plan:
    try:
        person = attendee.person or _new_contact(organisation=organisation, attendee=attendee)
        if person.organisation_id != organisation.pk:
            raise RegistrationError(_("This person does not belong to your organisation."))
        source = (
            Registration.Source.SELF if person.user_id == by.pk else Registration.Source.COLLEAGUE
        )
        return registration_plan(
            event=event,
            person=person,
            registered_by=by,
            workshops=list(attendee.workshops),
            access_needs=attendee.access_needs,
            source=source,
            earlier=index,  # the attendees before, of the same organisation
        )
    except RegistrationError as error:
        raise AttendeeError(error.message, index=index, name=attendee.name) from error


def _insert_attendee(*, event: Event, plan: Plan, index: int, attendee: Attendee) -> Registration:
    try:
        return registration_insert(event=event, plan=plan)
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

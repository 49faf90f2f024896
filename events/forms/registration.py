"""The registration forms: oneself, or (organisation admins) several colleagues at once.

Both take the event's workshops as a list (from ``selectors.event_page``, with the seats
left annotated), so rendering and validating them needs no further queries.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.forms import BoundField
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.models import Event, Session
from events.services import Attendee
from members.models import Organisation, Person, User

NEW_ROWS = 3
NAME_PARTS = ("first_name", "last_name", "email")
CHOICES = ("workshops", "access_needs")
ROW_PARTS = (*NAME_PARTS, *CHOICES)
ACCESS_NEEDS_HELP = _("For example step-free access or a sign language interpreter.")


def workshop_label(workshop: Session) -> str:
    start, end = timezone.localtime(workshop.starts_at), timezone.localtime(workshop.ends_at)
    times = f"{formats.time_format(start)}–{formats.time_format(end)}"
    label = (
        f"{workshop.title} ({workshop.slot}, {times})"
        if workshop.slot
        else f"{workshop.title} ({times})"
    )
    seats_left = getattr(workshop, "seats_left", None)
    if workshop.capacity is not None and seats_left is not None and seats_left <= 0:
        waiting = gettext("waiting list")
        return f"{label} – {waiting}"
    return label


class WorkshopsField(forms.TypedMultipleChoiceField):
    """Workshops of the event as checkboxes; cleans to ``Session`` rows that do not overlap."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, workshops: list[Session], **kwargs) -> None:
        self.workshops = {workshop.pk: workshop for workshop in workshops}
        choices = [(workshop.pk, workshop_label(workshop)) for workshop in workshops]
        kwargs.setdefault("label", _("Workshops"))
        super().__init__(choices=choices, coerce=int, required=False, **kwargs)

    def clean(self, value) -> list[Session]:
        chosen = [self.workshops[pk] for pk in super().clean(value)]
        for index, workshop in enumerate(chosen):
            if any(workshop.overlaps(other) for other in chosen[index + 1 :]):
                raise forms.ValidationError(
                    _("Please choose workshops that do not overlap in time."), code="overlap"
                )
        return chosen


def _access_needs_field(**kwargs) -> forms.CharField:
    kwargs.setdefault("label", _("Access needs"))
    return forms.CharField(required=False, max_length=1000, **kwargs)


class RegistrationForm(forms.Form):
    """A signed-in person registers themself (for one of their organisations)."""

    person = forms.ModelChoiceField(
        queryset=None, label=_("Register as"), empty_label=None, to_field_name="pk"
    )
    access_needs = _access_needs_field(
        widget=forms.Textarea(attrs={"rows": 3}), help_text=ACCESS_NEEDS_HELP
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and organisation are passed to the organisers for this event."
        ),
        required=True,
    )

    def __init__(
        self,
        *args,
        event: Event,
        people: QuerySet,
        workshops: list[Session] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: p.organisation.name
        if workshops is None:
            workshops = list(event.sessions.filter(is_workshop=True))
        if workshops:
            self.fields["workshops"] = WorkshopsField(
                workshops=workshops,
                help_text=_("Workshops in the same time slot cannot be combined."),
            )
            self.order_fields(["person", "workshops"])


@dataclass(frozen=True)
class AttendeeRow:
    """The fields of one attendee in the colleagues form, for the template."""

    key: str
    person: Person | None
    is_you: bool
    fields: dict[str, BoundField]

    @property
    def errors(self) -> list[str]:
        return [error for field in self.fields.values() for error in field.errors]

    @property
    def name_fields(self) -> list[BoundField]:
        """First name, last name and e-mail of a new person (empty for existing ones)."""
        return [self.fields[part] for part in NAME_PARTS if part in self.fields]

    @property
    def has_choice_errors(self) -> bool:
        """Errors in workshops or access needs (their part of the row starts open)."""
        return any(self.fields[part].errors for part in CHOICES if part in self.fields)


class ColleagueOrganisationForm(forms.Form):
    """Which organisation's people an admin registers: only one they are admin of."""

    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none())

    def __init__(self, data, *, admin_of: frozenset[int]) -> None:
        super().__init__(data)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=admin_of)


class ColleaguesRegistrationForm(forms.Form):
    """An organisation admin registers people of the organisation in one step.

    Existing persons not yet registered get a checkbox each; ``NEW_ROWS`` empty rows take
    new persons by name and e-mail. Every attendee chooses workshops and access needs.
    ``cleaned_data["attendees"]`` holds the ``Attendee`` list in the form's order.
    """

    organisation = forms.IntegerField(widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_(
            "I confirm that the colleagues I register agreed that their name, organisation and "
            "e-mail address are passed to the organisers for this event; if I register myself, "
            "I agree too."
        ),
        required=True,
    )

    def __init__(
        self,
        *args,
        organisation: Organisation,
        people: list[Person],
        workshops: list[Session],
        user: User,
        **kwargs,
    ) -> None:
        kwargs.setdefault("initial", {"organisation": organisation.pk})
        super().__init__(*args, **kwargs)
        self.organisation_row = organisation
        self.user = user
        self.workshops = workshops
        self.registered_people = [p for p in people if p.open_registrations]
        self.free_people = [p for p in people if not p.open_registrations]
        self._attendee_keys: list[str] = []
        for person in self.free_people:
            self.fields[f"person_{person.pk}"] = forms.BooleanField(
                required=False, label=self._person_label(person)
            )
            self._add_choices(f"person_{person.pk}", person.full_name)
        for index in range(NEW_ROWS):
            self._add_new_row(f"new_{index}")
        self.order_fields([name for name in self.fields if name != "consent"])

    def _person_label(self, person: Person) -> str:
        if person.user_id == self.user.pk:
            return gettext("%(name)s (you)") % {"name": person.full_name}
        return person.full_name

    def _add_choices(self, key: str, name: str) -> None:
        if self.workshops:
            self.fields[f"{key}_workshops"] = WorkshopsField(
                workshops=self.workshops,
                label=gettext("Workshops for %(name)s") % {"name": name},
            )
        self.fields[f"{key}_access_needs"] = _access_needs_field(
            label=gettext("Access needs of %(name)s") % {"name": name}, help_text=ACCESS_NEEDS_HELP
        )

    def _add_new_row(self, key: str) -> None:
        number = int(key.rsplit("_", 1)[1]) + 1
        self.fields[f"{key}_first_name"] = forms.CharField(
            label=_("First name"), required=False, max_length=150
        )
        self.fields[f"{key}_last_name"] = forms.CharField(
            label=_("Last name"), required=False, max_length=150
        )
        self.fields[f"{key}_email"] = forms.EmailField(label=_("E-mail address"), required=False)
        self._add_choices(key, gettext("new person %(number)s") % {"number": number})

    # --- rows for the template -----------------------------------------------------------

    def _row(self, key: str, person: Person | None) -> AttendeeRow:
        fields = {"pick": self[key]} if key in self.fields else {}
        for part in ROW_PARTS:
            if f"{key}_{part}" in self.fields:
                fields[part] = self[f"{key}_{part}"]
        is_you = person is not None and person.user_id == self.user.pk
        return AttendeeRow(key=key, person=person, is_you=is_you, fields=fields)

    @property
    def existing_rows(self) -> list[AttendeeRow]:
        return [self._row(f"person_{p.pk}", p) for p in self.free_people]

    @property
    def new_rows(self) -> list[AttendeeRow]:
        return [self._row(f"new_{index}", None) for index in range(NEW_ROWS)]

    # --- validation ----------------------------------------------------------------------

    def clean_organisation(self) -> int:
        value = self.cleaned_data["organisation"]
        if value != self.organisation_row.pk:
            raise forms.ValidationError(_("Please register people of your organisation only."))
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        attendees = [*self._existing_attendees(), *self._new_attendees()]
        if not attendees and not self.errors:
            raise forms.ValidationError(
                _("Please choose at least one person to register."), code="empty"
            )
        cleaned["attendees"] = [attendee for _key, attendee in attendees]
        self._attendee_keys = [key for key, _attendee in attendees]
        return cleaned

    def _choices(self, key: str) -> tuple[tuple[Session, ...], str]:
        workshops = tuple(self.cleaned_data.get(f"{key}_workshops") or ())
        return workshops, self.cleaned_data.get(f"{key}_access_needs", "")

    def _existing_attendees(self) -> list[tuple[str, Attendee]]:
        attendees = []
        for person in self.free_people:
            key = f"person_{person.pk}"
            workshops, needs = self._choices(key)
            if self.cleaned_data.get(key):
                attendees.append(
                    (key, Attendee(person=person, workshops=workshops, access_needs=needs))
                )
            elif workshops or needs:
                self.add_error(
                    key,
                    gettext("Tick %(name)s to register them, or clear their choices.")
                    % {"name": person.full_name},
                )
        return attendees

    def _new_attendees(self) -> list[tuple[str, Attendee]]:
        known = self._known_emails()
        attendees = []
        for index in range(NEW_ROWS):
            key = f"new_{index}"
            attendee = self._new_attendee(key)
            if attendee is None:
                continue
            email = attendee.email.lower()
            if email in known:
                self.add_error(f"{key}_email", known[email])
                continue
            known[email] = gettext("This e-mail address is entered twice.")
            attendees.append((key, attendee))
        return attendees

    def _new_attendee(self, key: str) -> Attendee | None:
        """The row's new person; ``None`` when the row is empty or has errors."""
        data = {name: self.cleaned_data.get(f"{key}_{name}", "") for name in NAME_PARTS}
        workshops, needs = self._choices(key)
        row_errors = any(self.has_error(f"{key}_{name}") for name in ("email", *CHOICES))
        if not any(data.values()) and not workshops and not needs and not row_errors:
            return None
        missing = {
            "first_name": _("Please enter the first name."),
            "last_name": _("Please enter the last name."),
            "email": _("Please enter the e-mail address."),
        }
        for name, message in missing.items():
            if not data[name].strip() and not self.has_error(f"{key}_{name}"):
                self.add_error(f"{key}_{name}", message)
        if row_errors or any(self.has_error(f"{key}_{name}") for name in NAME_PARTS):
            return None
        names = {name: value.strip() for name, value in data.items()}
        return Attendee(workshops=workshops, access_needs=needs, **names)

    def _known_emails(self) -> dict[str, str]:
        """E-mail addresses of the organisation's people, with what to say when entered."""
        known = {}
        for person in self.free_people:
            if person.email:
                known[person.email.lower()] = gettext(
                    "%(name)s is in your organisation already: please tick them above."
                ) % {"name": person.full_name}
        for person in self.registered_people:
            if person.email:
                known[person.email.lower()] = gettext(
                    "%(name)s is already registered for this event."
                ) % {"name": person.full_name}
        return known

    # --- errors from the service ---------------------------------------------------------

    def add_attendee_error(self, *, index: int, message: str) -> None:
        """Show a rule's refusal of the attendee at ``index`` (in the form's order) at
        their row; ``error_summary`` names them."""
        key = self._attendee_keys[index]
        self.add_error(key if key in self.fields else f"{key}_first_name", message)

    def error_summary(self) -> list[str]:
        """Every error, each with the attendee it concerns, for the box above the form."""
        lines = [str(error) for error in self.non_field_errors()]
        for number, row in enumerate([*self.existing_rows, *self.new_rows]):
            name = row.person.full_name if row.person else self._new_row_name(row, number)
            lines += [
                gettext("%(name)s: %(reason)s") % {"name": name, "reason": error}
                for error in row.errors
            ]
        if self.has_error("consent"):
            lines.append(gettext("Please confirm the consent at the end of the form."))
        return lines

    def _new_row_name(self, row: AttendeeRow, number: int) -> str:
        typed = " ".join(self.data.get(f"{row.key}_{part}", "") for part in NAME_PARTS[:2])
        fallback = gettext("new person %(number)s") % {"number": number - len(self.free_people) + 1}
        return typed.strip() or fallback

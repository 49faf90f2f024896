"""The agenda part of the event form: sessions and workshops, speakers and hosts.

Sessions are entered as a day and two times in Berlin; a person may belong to one
session, chosen by its row in the agenda (so rows added in the same step can be named).
"""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.forms.event import BERLIN, DATE_INPUT, TIME_INPUT
from events.models import EventPerson, Session
from events.services.editing import PersonData, SessionData
from members.models import Person

EXTRA_ROWS = 3


class SessionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    day = forms.DateField(
        label=_("Day"),
        required=False,
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
    )
    starts = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M")
    )
    ends = forms.TimeField(
        label=_("Until"), widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M")
    )
    is_workshop = forms.BooleanField(
        label=_("Workshop (own seats, may run in parallel)"), required=False
    )
    capacity = forms.IntegerField(
        label=_("Workshop seats"),
        required=False,
        min_value=0,
        max_value=2_147_483_647,  # the column's limit: more was a database error (a 500)
        widget=forms.NumberInput(attrs={"min": 0}),
        help_text=_("Empty: no limit."),
    )
    slot = forms.CharField(
        label=_("Parallel slot"), required=False, max_length=60, help_text=_("E.g. “Slot A”.")
    )
    room = forms.CharField(label=_("Room"), required=False, max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("The session must end after it starts."))
        return cleaned

    def session_data(self, first_day: dt.date) -> SessionData:
        data = self.cleaned_data
        if self.cleaned_data.get("DELETE"):
            return SessionData(id=data.get("id"), delete=True)
        day = data["day"] or first_day
        return SessionData(
            id=data["id"],
            title=data["title"],
            description=data["description"],
            starts_at=dt.datetime.combine(day, data["starts"], tzinfo=BERLIN),
            ends_at=dt.datetime.combine(day, data["ends"], tzinfo=BERLIN),
            is_workshop=data["is_workshop"],
            capacity=data["capacity"],
            slot=data["slot"],
            room=data["room"],
        )


class PersonForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=EventPerson.Role.choices, initial=EventPerson.Role.SPEAKER
    )
    person = forms.TypedChoiceField(
        label=_("Person in the portal"), coerce=int, required=False, empty_value=None
    )
    name = forms.CharField(label=_("Or name"), required=False, max_length=200)
    function = forms.CharField(label=_("Function"), required=False, max_length=200)
    session = forms.TypedChoiceField(
        label=_("Agenda item"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, people: dict[int, Person], person_choices, session_choices, **kw):
        super().__init__(*args, **kw)
        self.people = people
        self.fields["person"].choices = [("", _("— not in the portal —")), *person_choices]
        self.fields["session"].choices = [("", _("— the whole event —")), *session_choices]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", _("Choose a person or enter a name."))
        return cleaned

    def person_data(self, session: int | None) -> PersonData:
        data = self.cleaned_data
        return PersonData(
            role=data["role"],
            person=self.people.get(data["person"]) if data["person"] else None,
            name=data["name"],
            function=data["function"],
            session=session,
        )


class SessionRows(forms.BaseFormSet):
    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove from the agenda")


class PersonRows(forms.BaseFormSet):
    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this person")


SessionFormSet = forms.formset_factory(
    SessionForm, formset=SessionRows, extra=EXTRA_ROWS, can_delete=True, can_delete_extra=False
)
PersonFormSet = forms.formset_factory(
    PersonForm, formset=PersonRows, extra=EXTRA_ROWS, can_delete=True, can_delete_extra=False
)


def sessions_initial(sessions, *, shift: dt.timedelta = dt.timedelta(0), copy=False) -> list:
    """Rows of the sessions form for existing sessions, moved by ``shift`` (for a copy)."""
    rows = []
    for session in sessions:
        starts = timezone.localtime(session.starts_at + shift, BERLIN)
        ends = timezone.localtime(session.ends_at + shift, BERLIN)
        rows.append(
            {
                "id": None if copy else session.pk,
                "title": session.title,
                "description": session.description,
                "day": starts.date(),
                "starts": starts.time(),
                "ends": ends.time(),
                "is_workshop": session.is_workshop,
                "capacity": session.capacity,
                "slot": session.slot,
                "room": session.room,
            }
        )
    return rows


def people_initial(people, sessions: list[Session]) -> list:
    """Rows of the people form; a person's session is named by its row in ``sessions``."""
    row_of = {session.pk: index for index, session in enumerate(sessions)}
    return [
        {
            "role": person.role,
            "person": person.person_id,
            "name": person.name,
            "function": person.function,
            "session": row_of.get(person.session_id),
        }
        for person in people
    ]

"""The event form and its agenda rows, validated, handed to the services and shown together."""

import datetime as dt

from django.db.models import QuerySet
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.forms.agenda import PersonFormSet, SessionFormSet, people_initial, sessions_initial
from events.forms.event import BERLIN, DATETIME_FIELDS, EVENT_FIELDS, EventForm, person_label
from events.models import Event, Session
from events.services.editing import Agenda, Problem
from members.models import Network, Person


class EventEditor:
    """``form`` (the event), ``sessions`` and ``people`` (formsets) as one form.

    ``event`` is the event being edited (``None`` for a new one or a copy); ``initial``,
    ``session_rows`` and ``people_rows`` prefill a new event (a copy).
    """

    def __init__(
        self,
        data=None,
        *,
        organisers: QuerySet[Network],
        people: QuerySet[Person],
        event: Event | None = None,
        initial: dict | None = None,
        session_rows: list | None = None,
        people_rows: list | None = None,
    ) -> None:
        self.event = event
        self.form = EventForm(
            data, instance=event or Event(), initial=initial, organisers=organisers, people=people
        )
        self.sessions = SessionFormSet(data, prefix="sessions", initial=session_rows)
        candidates = list(people)
        self.people = PersonFormSet(
            data,
            prefix="people",
            initial=people_rows,
            form_kwargs={
                "people": {person.pk: person for person in candidates},
                "person_choices": [(person.pk, person_label(person)) for person in candidates],
                "session_choices": self._session_choices(),
            },
        )
        self._session_forms: list = []
        self._person_forms: list = []

    def _session_choices(self) -> list[tuple[int, str]]:
        choices = []
        for row, form in enumerate(self.sessions.forms):
            title = form["title"].value()
            if title:
                choices.append((row, f"{row + 1}. {title}"))
        return choices

    def is_valid(self) -> bool:
        valid = [self.form.is_valid(), self.sessions.is_valid(), self.people.is_valid()]
        if not all(valid):
            return False
        self._check_person_sessions()
        return not any(form.errors for form in self.people.forms)

    def _check_person_sessions(self) -> None:
        used = {row for row, _form in _used_rows(self.sessions)}
        for _row, form in _used_rows(self.people):
            if form.cleaned_data.get("DELETE"):
                continue
            row = form.cleaned_data.get("session")
            if row is not None and row not in used:
                form.add_error("session", _("Choose an agenda item that stays on the agenda."))

    @property
    def has_errors(self) -> bool:
        forms = [self.form, *self.sessions.forms, *self.people.forms]
        return self.form.is_bound and any(form.errors for form in forms)

    # --- What the services get ---------------------------------------------------------

    def changes(self) -> dict:
        return self.form.changes()

    def relations(self) -> dict:
        return self.form.relations()

    @property
    def new_series(self) -> str:
        return self.form.cleaned_data.get("new_series", "")

    @property
    def keep_confirmed(self) -> bool:
        return bool(self.form.cleaned_data.get("keep_confirmed"))

    def agenda(self) -> Agenda:
        first_day = timezone.localtime(self.form.cleaned_data["starts_at"], BERLIN).date()
        sessions, index_of = [], {}
        self._session_forms = []
        for row, form in _used_rows(self.sessions):
            index_of[row] = len(sessions)
            sessions.append(form.session_data(first_day))
            self._session_forms.append(form)
        people = []
        self._person_forms = []
        for _row, form in _used_rows(self.people):
            if form.cleaned_data.get("DELETE"):
                continue
            people.append(form.person_data(index_of.get(form.cleaned_data["session"])))
            self._person_forms.append(form)
        return Agenda(sessions=tuple(sessions), people=tuple(people))

    def add_problems(self, problems: list[Problem]) -> None:
        """Show the services' problems next to the fields they concern."""
        for problem in problems:
            form = self.form
            if problem.session is not None:
                form = self._session_forms[problem.session]
            elif problem.person is not None:
                form = self._person_forms[problem.person]
            field = problem.field if problem.field in form.fields else None
            form.add_error(field, problem.message)


def _used_rows(formset):
    """(row, form) of the rows that hold something: all prefilled rows, filled extra rows."""
    for row, form in enumerate(formset.forms):
        if row >= formset.initial_form_count() and not form.has_changed():
            continue
        yield row, form


def edit_rows(event: Event) -> dict:
    """The agenda rows of ``event`` for its edit form."""
    sessions = list(event.sessions.all())
    return {
        "session_rows": sessions_initial(sessions),
        "people_rows": people_initial(event.people.all(), sessions),
    }


def copy_rows(source: Event, *, starts_at: dt.datetime) -> dict:
    """Everything of ``source`` for a new event starting at ``starts_at``; every time of
    the event, its agenda and its deadlines moves by the same offset."""
    shift = starts_at - source.starts_at
    initial = model_to_dict(source, fields=EVENT_FIELDS)
    for name in DATETIME_FIELDS:
        if initial.get(name):
            initial[name] = initial[name] + shift
    sessions: list[Session] = list(source.sessions.all())
    return {
        "initial": initial,
        "session_rows": sessions_initial(sessions, shift=shift, copy=True),
        "people_rows": people_initial(source.people.all(), sessions),
    }

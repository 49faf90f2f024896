"""Helpers of the manager-area tests: sign in, and the event form's POST data."""

import datetime as dt
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.conf import settings

from events.models import Event

BERLIN = ZoneInfo("Europe/Berlin")
ROLES = ["anonymous", "outsider", "owner", "other_manager", "manager", "platform_admin"]


def as_user(client, user=None, language: str = "en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client


def berlin(text: str) -> dt.datetime:
    """ "2099-06-18 17:30" as an aware Berlin time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def split(name: str, moment: dt.datetime | None) -> dict:
    """The date and time inputs of a datetime field, in Berlin time."""
    if moment is None:
        return {f"{name}_0": "", f"{name}_1": ""}
    local = moment.astimezone(BERLIN)
    return {f"{name}_0": local.strftime("%Y-%m-%d"), f"{name}_1": local.strftime("%H:%M")}


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def session_row(index: int, *, title: str, starts: str, ends: str, **extra) -> dict:
    row = {"title": title, "day": "", "starts": starts, "ends": ends, "id": ""}
    row.update(extra)
    return {f"sessions-{index}-{key}": value for key, value in row.items() if value is not None}


def person_row(index: int, **values) -> dict:
    row = {"role": "speaker", "person": "", "name": "", "function": "", "session": ""}
    row.update(values)
    return {f"people-{index}-{key}": value for key, value in row.items()}


def event_data(
    network_ids, *, sessions=(), people=(), initial_sessions=0, initial_people=0, **fields
) -> dict:
    """A valid event form (on site, 18 June 2099, 17:30–20:00 Berlin) with ``fields`` changed.

    ``sessions`` and ``people`` are dicts from ``session_row``/``person_row``.
    """
    values = {
        "title": "Wirtschaft trifft Wirtschaft bei Hesterberg",
        "series": "",
        "new_series": "",
        "description": "Betriebsbesichtigung und Austausch.",
        "topics": "Ausbildung, Fachkräfte",
        "organising_networks": list(network_ids),
        "host_organisation": "",
        "contact_person": "",
        "format": Event.Format.ON_SITE,
        "venue": "F. Hesterberg & Söhne",
        "address": "Hagener Straße 1, 58256 Ennepetal",
        "region": "",
        "online_url": "",
        "capacity": "40",
        "seats_per_organisation": "",
        **split("starts_at", berlin("2099-06-18 17:30")),
        **split("ends_at", berlin("2099-06-18 20:00")),
        **split("registration_opens_at", None),
        **split("registration_closes_at", None),
        **split("cancellation_deadline", None),
    }
    for name, value in fields.items():
        if isinstance(value, dt.datetime) or (value is None and name.endswith("_at")):
            values.update(split(name, value))
        else:
            values[name] = value
    data = {**values, **management("sessions", len(sessions), initial_sessions)}
    data.update(management("people", len(people), initial_people))
    for row in (*sessions, *people):
        data.update(row)
    return data


def rows_of(event: Event) -> tuple[list[dict], list[dict]]:
    """The event's sessions and people as form rows, as the edit page shows them."""
    sessions = list(event.sessions.all())
    session_rows = []
    for index, session in enumerate(sessions):
        starts, ends = session.starts_at.astimezone(BERLIN), session.ends_at.astimezone(BERLIN)
        session_rows.append(
            session_row(
                index,
                id=session.pk,
                title=session.title,
                day=starts.strftime("%Y-%m-%d"),
                starts=starts.strftime("%H:%M"),
                ends=ends.strftime("%H:%M"),
                is_workshop="on" if session.is_workshop else "",
                capacity="" if session.capacity is None else str(session.capacity),
                slot=session.slot,
                room=session.room,
                description=session.description,
            )
        )
    row_of = {session.pk: index for index, session in enumerate(sessions)}
    people_rows = [
        person_row(
            index,
            role=person.role,
            person=person.person_id or "",
            name=person.name,
            function=person.function,
            session="" if person.session_id is None else row_of[person.session_id],
        )
        for index, person in enumerate(event.people.all())
    ]
    return session_rows, people_rows


def edit_data(event: Event, *, sessions=None, people=None, **fields) -> dict:
    """The edit form of ``event`` as it is, with ``fields`` changed; ``sessions`` and
    ``people`` replace the rows (``sessions`` as pairs of existing rows and new rows)."""
    session_rows, people_rows = rows_of(event)
    values = {
        "title": event.title,
        "description": event.description,
        "topics": event.topics,
        "format": event.format,
        "venue": event.venue,
        "address": event.address,
        "online_url": event.online_url,
        "capacity": str(event.capacity),
        "seats_per_organisation": event.seats_per_organisation or "",
        "series": event.series_id or "",
        "host_organisation": event.host_organisation_id or "",
        "contact_person": event.contact_person_id or "",
        "region": event.region_id or "",
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "registration_opens_at": event.registration_opens_at,
        "registration_closes_at": event.registration_closes_at,
        **split("cancellation_deadline", event.cancellation_deadline),
        "audience_networks": [n.pk for n in event.audience_networks.all()],
        "open_to_all": "on" if event.open_to_all else "",
        "target_regions": [r.pk for r in event.target_regions.all()],
        "target_sectors": [s.pk for s in event.target_sectors.all()],
    }
    values.update(fields)
    networks = values.pop("organising_networks", [n.pk for n in event.organising_networks.all()])
    return event_data(
        networks,
        sessions=session_rows if sessions is None else sessions,
        people=people_rows if people is None else people,
        initial_sessions=len(session_rows),
        initial_people=len(people_rows),
        **values,
    )


class _FormReader(HTMLParser):
    """What a browser submits for the page's first POST form (no button pressed)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self._in_form = True
        if not self._in_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            self._input(attrs)
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._add(self._textarea, "")

    def _input(self, attrs) -> None:
        kind = attrs.get("type", "text")
        if kind in {"checkbox", "radio"}:
            if "checked" in attrs:
                self._add(attrs["name"], attrs.get("value", "on"))
        elif kind != "submit":
            self._add(attrs["name"], attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            value = self.data[self._textarea][-1]
            self.data[self._textarea][-1] = value.removeprefix("\n")  # as browsers do
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_of(content: str) -> dict[str, list[str]]:
    """The values of the page's POST form as the browser would send them."""
    reader = _FormReader()
    reader.feed(content)
    return reader.data


def error_of(content: str, field: str, message: str) -> bool:
    """The message is in the field's error list, which its input points to."""
    error_id = f"id_{field}_error"
    return f'<ul class="errorlist" id="{error_id}"><li>{message}</li></ul>' in content and (
        error_id in content.split(f'id="{error_id}"')[1]
    )

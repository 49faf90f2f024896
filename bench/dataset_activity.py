"""Bench dataset, activity: events with agenda and registrations, listings, interests,
projects; and the landmarks the runner measures (the 500-person event, the rush event)."""

import datetime as dt
from zoneinfo import ZoneInfo

from bench import words
from bench.copyrows import columns, copy_rows, sequences_reset
from bench.dataset import World

BERLIN = ZoneInfo("Europe/Berlin")
EVENTS = 1500
REGISTRATIONS = 150_000
BIG_EVENT_SIZE = 500
CAPACITIES = (20, 30, 40, 60, 80, 100, 120, 150, 200, 250)
EVENT_FIELDS = columns(
    "id title series_id host_organisation_id format venue address region_id online_url "
    "starts_at ends_at description topics capacity status contact_person_id created_at "
    "updated_at"
)


def _event_start(world: World, index: int) -> dt.datetime:
    """Spread over ten years: nine back, one ahead; at a local working hour."""
    day = world.today - dt.timedelta(days=9 * 365) + dt.timedelta(days=index * 3650 // EVENTS)
    hour = world.rng.choice((8, 9, 10, 14, 16, 17, 18))
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


def _special_events(world: World) -> dict[int, dict]:
    """Upcoming events the runner measures, placed among the others by index."""
    upcoming = EVENTS - 140
    return {
        upcoming + 5: {
            "key": "page_event",
            "title": "Fachforum Energieeffizienz in der Produktion",
            "capacity": 120,
            "registrations": 100,
            "workshops": True,
        },
        upcoming + 7: {
            "key": "big_event",
            "title": "Wirtschaft trifft Wirtschaft – Jahresempfang",
            "capacity": BIG_EVENT_SIZE,
            "registrations": BIG_EVENT_SIZE,
        },
        upcoming + 9: {
            "key": "rush_event",
            "title": "Ausbildungsbörse Ruhr – 50 Plätze",
            "capacity": 50,
            "registrations": 0,
            "workshops": False,
        },
        upcoming + 11: {
            "key": "invitation_event",
            "title": "Werkstattgespräch Wasserstoff",
            "capacity": 300,
            "registrations": 20,
            "workshops": False,
        },
    }


def events(world: World) -> None:
    from events.models import Event, EventSeries  # noqa: PLC0415

    rng, nets = world.rng, world.networks
    series = {name: EventSeries.objects.create(name=name).pk for name in words.EVENT_FORMATS[:6]}
    specials = _special_events(world)
    agency_people = world.people_of[world.partners[0]]
    rows, organisers, audiences, world.landmarks["event_plan"] = [], [], [], {}
    for index in range(EVENTS):
        event_id, special = index + 1, specials.get(index, {})
        start = _event_start(world, index)
        if special:
            start = dt.datetime.combine(
                world.today + dt.timedelta(days=20 + index % 50), dt.time(17), tzinfo=BERLIN
            )
        kind, topic = rng.choice(words.EVENT_FORMATS), rng.choice(words.EVENT_TOPICS)
        title = special.get("title") or f"{kind}: {topic}"
        network = (
            "indie-regionruhr"
            if special
            else rng.choices(list(nets), (40, 10, 10, 10, 10, 8, 7, 5))[0]
        )
        organisers.append((len(organisers) + 1, event_id, nets[network]))
        if not special and rng.random() < 0.2:
            other = rng.choice([n for n in nets if n != network])
            audiences.append((len(audiences) + 1, event_id, nets[other]))
        fmt = (
            "on_site" if special else rng.choices(("on_site", "online", "hybrid"), (75, 15, 10))[0]
        )
        capacity = special.get("capacity") or rng.choice(CAPACITIES)
        status = (
            "published"
            if special
            else rng.choices(("published", "cancelled", "draft"), (95, 3, 2))[0]
        )
        created = start - dt.timedelta(days=rng.randint(30, 120))
        rows.append(
            (
                event_id,
                title,
                series.get(kind),
                rng.choice(world.companies),
                fmt,
                "Zeche Zollverein, Halle 12" if fmt != "online" else "",
                f"{rng.choice(words.STREETS)} {rng.randint(1, 99)}, Bochum"
                if fmt != "online"
                else "",
                world.regions[rng.choice(("bochum", "dortmund", "hagen", "herne"))],
                "https://meet.bench.example/raum" if fmt != "on_site" else "",
                start,
                start + dt.timedelta(hours=rng.choice((2, 3, 4, 6))),
                words.paragraph(rng, "maschinenbau", 4) + f" Thema: {topic}.",
                ", ".join(rng.sample(words.EVENT_TOPICS, 2)),
                capacity,
                status,
                rng.choice(agency_people),
                created,
                created,
            )
        )
        world.landmarks["event_plan"][event_id] = {
            "network": nets[network],
            "capacity": capacity,
            "status": status,
            "start": start,
            "workshops": special.get("workshops", rng.random() < 0.2),
            "registrations": special.get("registrations"),
            "created": created,
        }
        if special:
            world.landmarks[special["key"]] = event_id
    copy_rows(Event, EVENT_FIELDS, rows)
    copy_rows(Event.organising_networks.through, ("id", "event_id", "network_id"), organisers)
    copy_rows(Event.audience_networks.through, ("id", "event_id", "network_id"), audiences)
    _agenda(world)


def _agenda(world: World) -> None:
    """Three agenda items and two speakers per event; two parallel workshops for some."""
    from events.models import EventPerson, Session  # noqa: PLC0415

    rng, sessions, people = world.rng, [], []
    for event_id, plan in world.landmarks["event_plan"].items():
        start = plan["start"]
        items = [
            ("Begrüßung", 0, 30, False, ""),
            ("Impulsvortrag", 30, 60, False, ""),
            ("Austausch und Networking", 90, 60, False, ""),
        ]
        if plan["workshops"]:
            items += [
                ("Workshop: Förderprogramme", 150, 60, True, "Slot A"),
                ("Workshop: Praxisbeispiele", 150, 60, True, "Slot B"),
            ]
        for title, offset, minutes, workshop, slot in items:
            begins = start + dt.timedelta(minutes=offset)
            sessions.append(
                (
                    len(sessions) + 1,
                    event_id,
                    title,
                    begins,
                    begins + dt.timedelta(minutes=minutes),
                    workshop,
                    25 if workshop else None,
                    slot,
                    "Raum 1" if workshop else "",
                )
            )
        for position in range(2):
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.SURNAMES)
            people.append(
                (
                    len(people) + 1,
                    event_id,
                    "speaker",
                    f"{first} {last}",
                    rng.choice(words.FUNCTIONS),
                    position,
                )
            )
    copy_rows(
        Session,
        columns("id event_id title starts_at ends_at is_workshop capacity slot room"),
        sessions,
    )
    copy_rows(EventPerson, ("id", "event_id", "role", "name", "function", "position"), people)


def _registration_counts(world: World, room: dict[int, int]) -> dict[int, int]:
    """Registrations per event, 150,000 in all; drafts get none, landmarks theirs.

    ``room``: how many persons may register for each event (its audience's persons).
    """
    rng, plan = world.rng, world.landmarks["event_plan"]
    fixed = {e: p["registrations"] for e, p in plan.items() if p["registrations"] is not None}
    free = [e for e, p in plan.items() if p["registrations"] is None and p["status"] != "draft"]
    raw = {e: plan[e]["capacity"] * rng.uniform(0.5, 1.4) for e in free}
    scale = (REGISTRATIONS - sum(fixed.values())) / sum(raw.values())
    counts = {e: int(value * scale) for e, value in raw.items()}
    counts = {e: min(count, room[e]) for e, count in counts.items()}
    while (missing := REGISTRATIONS - sum(fixed.values()) - sum(counts.values())) > 0:
        for event_id in rng.sample(free, min(missing, len(free))):
            counts[event_id] += counts[event_id] < room[event_id]
    return {**counts, **fixed}


def registrations(world: World) -> None:
    from events.models import Registration  # noqa: PLC0415

    rng, plan, rows = world.rng, world.landmarks["event_plan"], []
    pools = {}
    for network_id, org_ids in world.members_of.items():
        pools[network_id] = [p for org in org_ids for p in world.people_of[org]]
    indie = world.networks["indie-regionruhr"]
    pools[indie] = sorted({p for n in world.members_of for p in pools[n] if n <= 5})
    room = {event_id: len(pools[event["network"]]) for event_id, event in plan.items()}
    for event_id, count in _registration_counts(world, room).items():
        event = plan[event_id]
        people = rng.sample(pools[event["network"]], count)
        confirmed_left = event["capacity"]
        past = event["start"] < world.now
        span = max((min(event["start"], world.now) - event["created"]).total_seconds(), 60)
        for position, person in enumerate(people):
            created = event["created"] + dt.timedelta(
                seconds=span * (position + 1) / (len(people) + 1)
            )
            cancelled = rng.random() < 0.08 and event_id != world.landmarks["big_event"]
            if cancelled:
                status = "cancelled"
            elif confirmed_left > 0:
                status, confirmed_left = "confirmed", confirmed_left - 1
            else:
                status = "waitlisted"
            user = world.person_user[person] or world.admin_user[world.person_org[person]]
            checked_in = (
                event["start"] + dt.timedelta(minutes=rng.randint(-20, 30))
                if (past and status == "confirmed" and rng.random() < 0.8)
                else None
            )
            rows.append(
                (
                    len(rows) + 1,
                    event_id,
                    person,
                    world.person_org[person],
                    user,
                    status,
                    "self" if world.person_user[person] else "colleague",
                    created,
                    created,
                    created + dt.timedelta(days=2) if cancelled else None,
                    checked_in,
                )
            )
    copy_rows(
        Registration,
        (
            "id",
            "event_id",
            "person_id",
            "organisation_id",
            "registered_by_id",
            "status",
            "source",
            "consent_at",
            "created_at",
            "cancelled_at",
            "checked_in_at",
        ),
        rows,
    )
    world.landmarks["registrations"] = len(rows)


def cooperations(world: World) -> None:
    from bench import dataset_cooperations  # noqa: PLC0415

    dataset_cooperations.listings(world)
    dataset_cooperations.interests(world)
    dataset_cooperations.projects(world)


def sequences(world: World) -> None:
    from django.apps import apps  # noqa: PLC0415

    models = []
    for label in ("members", "events", "cooperations", "account", "mfa"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            models.append(model)
    sequences_reset(models)
    plan = world.landmarks.pop("event_plan")
    world.landmarks["upcoming_events"] = sum(1 for p in plan.values() if p["start"] > world.now)
    world.landmarks["managers"] = world.managers
    world.landmarks["organisations"] = len(world.companies) + len(world.partners)

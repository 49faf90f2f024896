"""The bench dataset at the scale of the seeds' network, built in well under two minutes.

2,100 organisations (2,000 companies, 100 partners), 8 networks with memberships, 20,000
persons with 15,000 user accounts, 1,500 events over ten years with 150,000
registrations, 10,000 cooperation listings, 3,000 interests and 300 projects, with German
text for full-text search. Everything is generated in memory from a fixed seed and written
with ``COPY`` into an empty, migrated database; ``VACUUM ANALYZE`` at the end.

Run as a script against the database of ``DATABASE_URL`` (it must be migrated and empty):

    DATABASE_URL=postgres://127.0.0.1:5432/np_bench .venv/bin/python -m bench.dataset

``bench.run`` does this itself (drop, create, migrate, build).
"""

import datetime as dt
import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANDMARKS = ROOT / "bench" / "results" / "dataset.json"
COMPANIES = 2000
PARTNERS = 100
PERSONS = 20_000
USERS = 15_000
# One precomputed PBKDF2 hash (default hasher) of BENCH_PASSWORD for every bench account:
# hashing 15,000 times would take longer than building everything else.
BENCH_PASSWORD = "bench-passwort-2026"  # noqa: S105 - a benchmark account, not a secret


@dataclass
class World:
    """Ids and facts the later steps (and the runner) need; filled step by step."""

    rng: random.Random
    now: dt.datetime
    today: dt.date
    regions: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, int] = field(default_factory=dict)
    occupations: list[int] = field(default_factory=list)
    networks: dict[str, int] = field(default_factory=dict)
    companies: list[int] = field(default_factory=list)
    partners: list[int] = field(default_factory=list)
    org_sector: dict[int, str] = field(default_factory=dict)
    org_region: dict[int, str] = field(default_factory=dict)
    members_of: dict[int, list[int]] = field(default_factory=dict)  # network -> orgs (active)
    people_of: dict[int, list[int]] = field(default_factory=dict)  # org -> persons
    person_user: dict[int, int | None] = field(default_factory=dict)
    person_org: dict[int, int] = field(default_factory=dict)
    admin_user: dict[int, int] = field(default_factory=dict)  # org -> admin's user
    managers: dict[str, list[int]] = field(default_factory=dict)  # network slug -> users
    landmarks: dict = field(default_factory=dict)


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings.local")
    os.environ.setdefault("DATABASE_URL", "postgres://127.0.0.1:5432/np_bench")
    import django  # noqa: PLC0415

    django.setup()


def build(seed: int = 2026) -> dict:
    """Build the dataset; returns the landmarks (ids the runner measures) and timings."""
    from django.db import connection, transaction  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from bench import dataset_activity, dataset_members  # noqa: PLC0415

    started = time.monotonic()
    rng = random.Random(seed)  # noqa: S311 - a reproducible dataset, nothing secret
    world = World(rng=rng, now=timezone.now(), today=timezone.localdate())
    steps = {}
    with transaction.atomic():
        for name, step in (
            ("taxonomy", dataset_members.taxonomy),
            ("networks", dataset_members.networks),
            ("organisations", dataset_members.organisations),
            ("memberships", dataset_members.memberships),
            ("people", dataset_members.people),
            ("events", dataset_activity.events),
            ("registrations", dataset_activity.registrations),
            ("cooperations", dataset_activity.cooperations),
        ):
            step_started = time.monotonic()
            step(world)
            steps[name] = round(time.monotonic() - step_started, 2)
        dataset_activity.sequences(world)
    analyse_started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    steps["vacuum_analyze"] = round(time.monotonic() - analyse_started, 2)
    world.landmarks["build_seconds"] = round(time.monotonic() - started, 2)
    world.landmarks["rows"] = rows_counted()
    world.landmarks["steps"] = steps
    LANDMARKS.parent.mkdir(parents=True, exist_ok=True)
    LANDMARKS.write_text(json.dumps(world.landmarks, indent=2))
    return world.landmarks


def rows_counted() -> dict[str, int]:
    """How many rows the dataset holds, by what the issue names."""
    from cooperations.models import Interest, Listing, Project  # noqa: PLC0415
    from events.models import Event, Registration  # noqa: PLC0415
    from members.models import Membership, Network, Organisation, Person, User  # noqa: PLC0415

    models = (
        ("organisations", Organisation), ("networks", Network), ("memberships", Membership),
        ("persons", Person), ("users", User), ("events", Event),
        ("registrations", Registration), ("listings", Listing), ("interests", Interest),
        ("projects", Project),
    )  # fmt: skip
    counts = {name: model.objects.count() for name, model in models}
    counts["companies"] = Organisation.objects.filter(kind="company").count()
    return counts


if __name__ == "__main__":
    setup_django()
    result = build()
    sys.stdout.write(json.dumps(result, indent=2) + "\n")

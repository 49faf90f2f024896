"""Idempotent writes for the demo data: create what is missing, save only what differs.

A second run therefore writes nothing: no row is created, no ``updated_at`` moves.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


@dataclass
class SeedReport:
    """What one run wrote, and how many rows of each kind the portal holds afterwards."""

    created: int = 0
    updated: int = 0
    accounts_skipped: bool = False
    totals: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        held = ", ".join(f"{count} {name}" for name, count in self.totals.items())
        return f"Demo data: {held}; {self.created} rows created, {self.updated} updated."


def row_upsert(
    *, model: type[M], lookup: dict[str, Any], values: dict[str, Any], report: SeedReport
) -> M:
    """The row matching ``lookup``, created with ``values`` or brought up to them."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        report.created += 1
        return model.objects.create(**lookup, **values)
    row_update(instance=instance, values=values, report=report)
    return instance


def row_update(*, instance: models.Model, values: dict[str, Any], report: SeedReport) -> None:
    """Save the fields of ``values`` that differ from the row; nothing when none do."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return
    for name in changed:
        setattr(instance, name, values[name])
    auto_now = [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
    instance.save(update_fields=[*changed, *auto_now])
    report.updated += 1


def row_create_once(
    *, model: type[M], lookup: dict[str, Any], values: dict[str, Any], report: SeedReport
) -> None:
    """Create the row unless one matching ``lookup`` exists; existing rows are left alone.

    For rows that people change after seeding: decided memberships, edited legal pages.
    """
    if model.objects.filter(**lookup).exists():
        return
    model.objects.create(**lookup, **values)
    report.created += 1


def related_sync(*, manager: Any, targets: Iterable[models.Model], report: SeedReport) -> None:
    """Make a many-to-many relation hold exactly ``targets``; untouched when it does."""
    wanted = {target.pk for target in targets}
    current = set(manager.values_list("pk", flat=True))
    if current == wanted:
        return
    manager.set(wanted)
    if current:
        report.updated += 1
    else:
        report.created += len(wanted)

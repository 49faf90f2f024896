"""Self-service data export: everything the portal holds about the signed-in person.

Exporters are registered per app with ``@exporter("key", position=...)``; each takes the
user and returns a ``Section`` (or ``None`` when its app holds nothing about them); the
sections appear by ``position`` (account 10s, members 20s, events 30s, cooperations 40s,
consents and mails 90s). The portal's own
exporters live in ``network_portal.privacy.exporters``; an app may add its own in a
``privacy.py`` module (imported on first use). An exporter returns only data about the
user: never other people's names or addresses (who decided, who invited, colleagues).
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext

from members.models import User


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key, stable and in English
    label: str  # shown on the readable page, translated


@dataclass
class Section:
    key: str
    title: str
    columns: tuple[Column, ...]
    records: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[list[tuple[str, str]]]:
        """Each record as (label, shown value) pairs, for the readable page."""
        return [
            [(column.label, shown(record.get(column.key))) for column in self.columns]
            for record in self.records
        ]


def shown(value: Any) -> str:
    """A value as the readable page shows it: Berlin time, German dates, yes/no, lists."""
    if value is None or value in ("", []):
        return "–"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


Exporter = Callable[[User], Section | None]
_EXPORTERS: dict[str, tuple[int, Exporter]] = {}
_discovered = False


def exporter(key: str, *, position: int = 50) -> Callable[[Exporter], Exporter]:
    """Register an exporter under ``key`` (the section's key in the JSON file)."""

    def register(function: Exporter) -> Exporter:
        _EXPORTERS[key] = (position, function)
        return function

    return register


def exporters() -> dict[str, Exporter]:
    """The registered exporters by position."""
    global _discovered  # noqa: PLW0603 - import the apps' exporters once per process
    if not _discovered:
        import network_portal.privacy.exporters  # noqa: F401, PLC0415

        autodiscover_modules("privacy")
        _discovered = True
    ordered = sorted(_EXPORTERS.items(), key=lambda item: item[1][0])
    return {key: function for key, (_position, function) in ordered}


def personal_data_of(user: User) -> list[Section]:
    """Every section with something in it, in registration order."""
    sections = [export(user) for export in exporters().values()]
    return [section for section in sections if section is not None and section.records]


def export_document(user: User, sections: list[Section]) -> dict[str, Any]:
    return {
        "portal": settings.SITE_URL,
        "created_at": timezone.now(),
        "account": user.pk,
        "sections": {section.key: section.records for section in sections},
    }


def export_json(user: User, sections: list[Section]) -> str:
    return json.dumps(
        export_document(user, sections), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )


def export_filename(today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    return f"meine-daten-{today:%Y-%m-%d}.json"

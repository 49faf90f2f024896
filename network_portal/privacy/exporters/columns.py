"""Building sections: columns from (key, label) pairs."""

from typing import Any

from network_portal.privacy.export import Column, Section


def section(*, key: str, title, columns: list[tuple[str, Any]], records: list[dict]) -> Section:
    return Section(
        key=key,
        title=str(title),
        columns=tuple(Column(key=name, label=str(label)) for name, label in columns),
        records=records,
    )

"""A fingerprint of everything the portal stores, to prove a refused request changed nothing.

One query: per table, an md5 over the md5 of every row (sorted, so the order rows come back
in does not matter). Sessions are left out: signing in and CSRF cookies write them, and
they hold no portal data.
"""

from django.apps import apps
from django.db import connection

LEFT_OUT = {"django_session"}


def _tables() -> list[str]:
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    return sorted(tables - LEFT_OUT)


def _query() -> str:
    parts = []
    for table in _tables():
        quoted = connection.ops.quote_name(table)
        parts.append(  # table names come from the models, not from input
            f"SELECT '{table}' AS name, COUNT(*) AS n, "  # noqa: S608
            f"md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS digest "
            f"FROM {quoted} t"
        )
    return " UNION ALL ".join(parts)


def fingerprint() -> dict[str, tuple[int, str]]:
    """``table -> (row count, digest)`` of every table of the portal."""
    with connection.cursor() as cursor:
        cursor.execute(_query())
        return {name: (count, digest) for name, count, digest in cursor.fetchall()}


def changed_tables(before: dict, after: dict) -> list[str]:
    names = before.keys() | after.keys()
    return sorted(name for name in names if before.get(name) != after.get(name))

"""Write many rows fast: PostgreSQL ``COPY ... FROM STDIN`` through psycopg 3.

Rows carry explicit ids (the dataset is built into an empty database), so nothing has to
be read back; ``sequences_reset`` moves every sequence past the ids used. Columns a row
does not name get the field's Python default (or now() for ``auto_now`` fields, NULL or
"" otherwise), so a field added to a model later does not break the generator. Generated
columns (the stored search vectors) are left out: PostgreSQL computes them for COPY too.
"""

import json
from collections.abc import Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone


def columns(names: str) -> tuple[str, ...]:
    """The field names of a ``copy_rows`` call, written as one string."""
    return tuple(names.split())


def _fill_value(field: models.Field, now):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    if isinstance(field, models.BooleanField):
        return False
    return ""


def _adapt(value):
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def copy_rows(model: type[models.Model], names: Sequence[str], rows: Iterable[Sequence]) -> int:
    """COPY ``rows`` (tuples in the order of ``names``, attnames) into ``model``'s table."""
    now = timezone.now()
    fields = {field.attname: field for field in model._meta.concrete_fields if not field.generated}
    unknown = set(names) - set(fields)
    if unknown:
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    rest = [field for attname, field in fields.items() if attname not in names]
    filler = tuple(_adapt(_fill_value(field, now)) for field in rest)
    columns = [fields[name].column for name in names] + [field.column for field in rest]
    json_positions = [
        index for index, name in enumerate(names) if isinstance(fields[name], models.JSONField)
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(column) for column in columns)
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                values = list(row)
                for index in json_positions:
                    values[index] = json.dumps(values[index])
                copy.write_row((*values, *filler))
                count += 1
    return count


def sequences_reset(models_: Iterable[type[models.Model]]) -> None:
    """Move the id sequences of ``models_`` (and their m2m tables) past the ids used."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)

"""German full-text search over a weighted vector the database stores in the row.

The directory and the marketplace rank the first field (name, title) above the others. The
weighted vector, ``setweight(first, 'A') || setweight(others, 'B')``, is a stored generated
column on PostgreSQL, GIN-indexed: searches filter and rank on the column instead of
computing ``to_tsvector`` for every match (the bench's "Fräsen" over 10,000 listings: about
ten times faster, bench/README.md). PostgreSQL keeps it current on every ``INSERT``,
``UPDATE`` and ``COPY``; the migrations that add it fill the existing rows.

SQLite (``make run``) has no full-text search: there the column is always NULL and the
searches fall back to ``icontains`` over the fields themselves.
"""

from typing import Any

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Expression
from django.utils.translation import gettext_lazy as _

CONFIG = "german"


def weighted_vector(first: str, *others: str) -> Any:
    """``first`` weighted A, ``others`` together weighted B, German stemming."""
    return SearchVector(first, config=CONFIG, weight="A") + SearchVector(
        *others, config=CONFIG, weight="B"
    )


class OnPostgres(Expression):
    """The wrapped expression on PostgreSQL; NULL on any other database."""

    def __init__(self, expression: Any, output_field: Any = None) -> None:
        super().__init__(output_field=output_field)
        self.expression = expression

    def get_source_expressions(self) -> list:
        return [self.expression]

    def set_source_expressions(self, exprs: list) -> None:
        (self.expression,) = exprs

    def as_sql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple:
        if connection.vendor != "postgresql":
            return "NULL", []
        return compiler.compile(self.expression)


def stored_search_vector(first: str, *others: str) -> models.GeneratedField:
    """A stored generated column holding ``weighted_vector(first, *others)`` (PostgreSQL)."""
    return models.GeneratedField(
        expression=OnPostgres(weighted_vector(first, *others), output_field=SearchVectorField()),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        verbose_name=_("search vector"),
    )

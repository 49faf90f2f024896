"""A GIN index that exists on PostgreSQL only.

``make run`` uses SQLite, which has no GIN indexes (the search falls back to icontains).
A plain ``GinIndex`` in ``Meta.indexes`` breaks every later SQLite migration of the table:
SQLite rebuilds the table with all indexes of the model state. This one turns into a no-op
statement there, so the model state can hold it everywhere and ``makemigrations`` stays quiet.
"""

from typing import Any

from django.contrib.postgres.indexes import GinIndex
from django.db.backends.ddl_references import Statement


class PostgresGinIndex(GinIndex):
    def create_sql(self, model: Any, schema_editor: Any, using: str = "", **kwargs: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return Statement("SELECT 1")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model: Any, schema_editor: Any, **kwargs: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return Statement("SELECT 1")
        return super().remove_sql(model, schema_editor, **kwargs)

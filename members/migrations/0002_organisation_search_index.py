"""The GIN index of the directory's German full-text search.

PostgreSQL only: SQLite (``make run``) knows no GIN indexes and searches with icontains.
The model state gets the index everywhere, so ``makemigrations`` stays quiet.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [
        AddIndexOnPostgres(
            model_name="organisation",
            index=GinIndex(
                SearchVector("name", "description", "products", "competences", config="german"),
                name="organisation_search_de",
            ),
        ),
    ]

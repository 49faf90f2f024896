"""The GIN index of the directory's German full-text search.

PostgreSQL only: SQLite (``make run``) knows no GIN indexes and searches with icontains.
``PostgresGinIndex`` is a no-op there, so the model state holds the index everywhere
(``makemigrations`` stays quiet) and SQLite's table rebuilds in later migrations work.
"""

from django.contrib.postgres.search import SearchVector
from django.db import migrations

from network_portal.indexes import PostgresGinIndex


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [
        migrations.AddIndex(
            model_name="organisation",
            index=PostgresGinIndex(
                SearchVector("name", "description", "products", "competences", config="german"),
                name="organisation_search_de",
            ),
        ),
    ]

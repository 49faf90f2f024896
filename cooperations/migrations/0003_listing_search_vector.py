"""The marketplace's weighted search vector, stored in the row and GIN-indexed.

``Listing.search`` is a stored generated column (``network_portal.search``): PostgreSQL
computes it for the existing rows when the column is added and keeps it current on every
write, ``COPY`` included. The GIN index moves from the unweighted expression to the column,
under the same name. On SQLite (``make run``) the column is always NULL and the index a
no-op (``PostgresGinIndex``); the search uses icontains.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import network_portal.indexes
import network_portal.search


class Migration(migrations.Migration):
    dependencies = [("cooperations", "0002_standard_topics")]

    operations = [
        migrations.RemoveIndex(model_name="listing", name="listing_search_de"),
        migrations.AddField(
            model_name="listing",
            name="search",
            field=models.GeneratedField(
                db_persist=True,
                expression=network_portal.search.OnPostgres(
                    django.contrib.postgres.search.CombinedSearchVector(
                        django.contrib.postgres.search.SearchVector(
                            "title", config="german", weight="A"
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            "summary", "description", config="german", weight="B"
                        ),
                        django.contrib.postgres.search.SearchConfig("german"),
                    ),
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                verbose_name="search vector",
            ),
        ),
        migrations.AddIndex(
            model_name="listing",
            index=network_portal.indexes.PostgresGinIndex(
                fields=["search"], name="listing_search_de"
            ),
        ),
    ]

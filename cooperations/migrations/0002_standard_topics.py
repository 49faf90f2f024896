"""The eight standard topics of cooperation (a copy: migrations keep their own data)."""

from django.db import migrations

TOPICS = (
    ("wissenstransfer", "Wissenstransfer", "Knowledge transfer"),
    ("forschung-entwicklung", "Forschung und Entwicklung", "Research and development"),
    (
        "aus-weiterbildung",
        "Aus- und Weiterbildung, Verbundausbildung",
        "Training and joint vocational training",
    ),
    ("vertriebskooperation", "Vertriebskooperation", "Sales cooperation"),
    ("marketing", "Marketing", "Marketing"),
    ("einkauf", "Einkauf", "Purchasing"),
    ("lohnfertigung", "Lohnfertigung", "Contract manufacturing"),
    ("foerderung-projekte", "Fördermittel und Projekte", "Funding and projects"),
)


def topics_create(apps, schema_editor) -> None:
    Topic = apps.get_model("cooperations", "Topic")
    for slug, name, name_en in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("cooperations", "0001_initial")]

    operations = [migrations.RunPython(topics_create, migrations.RunPython.noop)]

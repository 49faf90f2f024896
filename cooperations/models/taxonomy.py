"""Topics of cooperation: the eight fields the networks want projects in (see the seeds)."""

from django.utils.translation import gettext_lazy as _

from members.models.taxonomy import BilingualName

# The standard topics (slug, German name, English name). Migration 0002 creates them once;
# ``seed_demo`` keeps them too (tests run without migrations). Admins may add more.
STANDARD_TOPICS = (
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


class Topic(BilingualName):
    """A field of cooperation, e.g. research and development; ``label`` is translated."""

    class Meta(BilingualName.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationsConfig(AppConfig):
    """Cooperation offers and requests, interests and projects (see DESIGN.md)."""

    name = "cooperations"
    verbose_name = _("Cooperations")

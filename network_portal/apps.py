from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPortalConfig(AppConfig):
    name = "network_portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from network_portal import checks  # noqa: F401, PLC0415 - registers the system checks

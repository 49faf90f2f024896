from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPortalConfig(AppConfig):
    name = "network_portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        # Imported here: they need the apps loaded (checks registers the system checks).
        from network_portal import checks, page_cache  # noqa: F401, PLC0415

        page_cache.connect_signals()

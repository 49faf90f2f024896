from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Series, events, sessions, registrations and the waiting list (see DESIGN.md)."""

    name = "events"
    verbose_name = _("Events")

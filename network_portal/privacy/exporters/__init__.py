"""The portal's exporters, one module per app; registering happens on import."""

from django.apps import apps

from network_portal.privacy.exporters import account, events, members, portal  # noqa: F401

if apps.is_installed("cooperations"):
    from network_portal.privacy.exporters import cooperations  # noqa: F401

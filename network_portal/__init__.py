"""Network Portal: the project package and the portal shell app."""

from network_portal.celery import app as celery_app

__all__ = ["celery_app"]

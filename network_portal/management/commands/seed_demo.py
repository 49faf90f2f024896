"""``python manage.py seed_demo``: load the demo world; safe to run again."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from network_portal.demo.builder import demo_world_build


class Command(BaseCommand):
    help = (
        "Load the demo networks, organisations and contacts, the legal pages and, when "
        "DEBUG is on, the demo accounts. Running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = demo_world_build(with_accounts=settings.DEBUG)
        if report.accounts_skipped:
            self.stdout.write("Demo accounts skipped: DEBUG is off.")
        self.stdout.write(self.style.SUCCESS(report.summary()))

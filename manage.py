#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings.local")
    from django.core.management import execute_from_command_line  # noqa: PLC0415

    from network_portal.configuration import run_reporting_failures  # noqa: PLC0415

    run_reporting_failures(lambda: execute_from_command_line(sys.argv))


if __name__ == "__main__":
    main()

"""Run ``seed_demo`` and return its output lines (shared by the seed tests)."""

from io import StringIO

from django.core.management import call_command


def seed() -> list[str]:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue().splitlines()

"""The German catalogue is complete and covers every string in the code and templates."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

CATALOGUE = Path("locale/de/LC_MESSAGES/django.po")
SOURCES = ["manage.py", "network_portal", "members", "events", "cooperations", "templates"]


def _statistics(po_file: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip()


def test_german_catalogue_has_no_untranslated_or_fuzzy_entries():
    statistics = _statistics(settings.BASE_DIR / CATALOGUE)

    assert "untranslated" not in statistics
    assert "fuzzy" not in statistics


def test_german_catalogue_covers_every_marked_string(tmp_path):
    for source in SOURCES:
        origin = settings.BASE_DIR / source
        target = tmp_path / source
        if origin.is_dir():
            shutil.copytree(origin, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(origin, target)
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "network_portal.settings.local"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        env=env,
        check=True,
    )

    statistics = _statistics(tmp_path / CATALOGUE)

    assert "untranslated" not in statistics, "run `make translations` and translate"
    assert "fuzzy" not in statistics

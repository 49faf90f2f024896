"""Fixtures of the portal tests: the demo world of ``seed_demo``."""

import pytest

from tests.portal.seed import seed


@pytest.fixture
def demo(settings) -> list[str]:
    """The demo world as ``make run`` loads it (DEBUG on); the command's output lines."""
    settings.DEBUG = True
    return seed()

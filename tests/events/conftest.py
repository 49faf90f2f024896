"""Fixtures of the events tests: an event organised by ``world.network``."""

import pytest

from events.models import Event
from members.models import Person, User
from tests import factories


@pytest.fixture
def event(world) -> Event:
    return factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft im Juni",
        organising_networks=[world.network],
        capacity=2,
    )


def person_of(user: User) -> Person:
    return user.people.get()


def new_person(organisation=None) -> Person:
    """A signed-in person of a new (or the given) organisation."""
    if organisation is None:
        return factories.PersonFactory()
    return factories.PersonFactory(organisation=organisation)

"""Visiting a route of the matrix as one role: the client, the URL, the data, the answer."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.security.matrix import ROUTES
from tests.security.rows import LOGIN, W
from tests.security.world import MatrixWorld


def client_as(world: MatrixWorld, role: str) -> Client:
    """A client signed in as ``role`` (none for anonymous); a 500 is an answer, not a raise."""
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def url_of(name: str, world: MatrixWorld, **override: str) -> str:
    """The URL of ``name`` built from the row's arguments; ``override`` swaps some paths."""
    paths = {**ROUTES[name].args, **override}
    return reverse(name, kwargs={key: world.resolve(path) for key, path in paths.items()})


def data_of(name: str, world: MatrixWorld) -> dict:
    data = ROUTES[name].data
    return {key: world.resolve(v.path) if isinstance(v, W) else v for key, v in data.items()}


def answer(response) -> str:
    """The status as the matrix writes it: ``L`` for a redirect to the sign-in page."""
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse(settings.LOGIN_URL)):
        return LOGIN
    return str(response.status_code)

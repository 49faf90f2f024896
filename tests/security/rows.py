"""The vocabulary of the matrix: rows, answers, and the argument sets and answer lines
that many rows share (see ``matrix.py``)."""

from dataclasses import dataclass, field

from tests.security.world import ROLES

LOGIN = "L"
REFUSED = {LOGIN, "400", "403", "404", "405", "410"}


@dataclass(frozen=True)
class W:
    """A value of POST data taken from the world: ``W("company.pk")``."""

    path: str


@dataclass(frozen=True)
class Row:
    get: tuple[str, ...]
    post: tuple[str, ...]
    args: dict[str, str] = field(default_factory=dict)
    data: dict[str, object] = field(default_factory=dict)


def row(get: str, post: str, args: dict | None = None, data: dict | None = None) -> Row:
    expected_get, expected_post = tuple(get.split()), tuple(post.split())
    for answers in (expected_get, expected_post):
        if len(answers) != len(ROLES):
            raise ValueError(f"{len(ROLES)} answers needed, got {answers}")
    return Row(expected_get, expected_post, args or {}, data or {})


# Frequent argument sets
ORG = {"slug": "company.slug"}
EVENT = {"pk": "event.pk"}
REGISTRATION = {"pk": "registration.pk"}
LISTING = {"pk": "listing.pk"}
PROJECT = {"slug": "project.slug"}
BATCH = {"pk": "event.pk", "batch": "batch.pk"}

# Minimal valid POST data
CONTACT = {"first_name": "Erika", "last_name": "Kontakt", "email": "kontakt@example.org"}
ACCEPT = {"decision": "accept"}
FUNDING = {"programme": "Regionalförderung", "funder": "Land NRW", "amount": "1000"}
MILESTONE = {"title": "Prototyp fertig", "due_on": "2031-03-31"}

# Frequent answer lines
#           anon out col oadm part xman man padm
EVERYBODY = "200 200 200 200 200 200 200 200"
NO_POST = "405 405 405 405 405 405 405 405"
SIGNED_IN = "L 200 200 200 200 200 200 200"
SIGNED_IN_NO_POST = "L 405 405 405 405 405 405 405"
NO_GET = "L 405 405 405 405 405 405 405"
MANAGER_AREA = "L 403 403 403 403 200 200 200"
# Who changes ``project``: its lead's admins, managers of a network taking part, platform
# admins; its people see it (403), everybody else does not know it (404).
PROJECT_CHANGE_GET = "L 404 403 200 404 404 200 200"
PROJECT_CHANGE_POST = "L 404 403 400 404 404 400 400"
PROJECT_CHANGE_DONE = "L 404 403 302 404 404 302 302"

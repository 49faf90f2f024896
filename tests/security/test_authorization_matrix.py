"""The authorization matrix, generated from the URL configuration (see ``matrix.py``).

Each route is visited by every role with GET and with POST; the answers must be the
table's, a refused request must leave every table of the database unchanged, and a GET
must not change anything but the audit log (downloads of personal data are noted).
"""

import pytest

from tests.security.fingerprint import changed_tables, fingerprint
from tests.security.matrix import NESTED, PUBLIC_NO_OBJECT, ROUTES
from tests.security.routes import Route, all_routes, is_admin
from tests.security.rows import REFUSED
from tests.security.visits import answer, client_as, data_of, url_of
from tests.security.world import ROLES

pytestmark = pytest.mark.django_db


# What a GET may write: the audit log notes downloads of personal data.
GET_MAY_CHANGE = {"network_portal_auditentry"}


def _visit(client, method: str, url: str, data: dict, before: dict):
    """The answer, the tables the request changed that it must not have, and the
    fingerprint after it. A refused request changes nothing; a GET nothing but the log."""
    response = client.post(url, data) if method == "post" else client.get(url)
    got = answer(response)
    if method == "post" and got not in REFUSED:
        return got, [], None  # an allowed POST changes what it is for
    after = fingerprint()
    changed = set(changed_tables(before, after))
    if got not in REFUSED:
        changed -= GET_MAY_CHANGE
    return got, sorted(changed), after


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_answers_each_role_as_the_matrix_says(matrix_world, name, role):
    row, index = ROUTES[name], ROLES.index(role)
    client = client_as(matrix_world, role)
    url = url_of(name, matrix_world)

    got_get, changed_by_get, before = _visit(client, "get", url, {}, fingerprint())
    data = data_of(name, matrix_world)
    got_post, changed_by_post, _after = _visit(client, "post", url, data, before)

    assert (got_get, got_post) == (row.get[index], row.post[index]), (
        f"{role} on {url}: GET {got_get}, POST {got_post}; "
        f"the matrix says GET {row.get[index]}, POST {row.post[index]}"
    )
    assert not changed_by_get, f"the GET by {role} changed {changed_by_get}"
    assert not changed_by_post, f"a refused POST by {role} changed {changed_by_post}"


def test_fingerprint_sees_what_an_allowed_post_changes(matrix_world):
    """The guard of the matrix works: an organisation admin's role change lands (with its
    audit entry)."""
    client = client_as(matrix_world, "org_admin")
    before = fingerprint()

    response = client.post(
        url_of("members:person_set_role", matrix_world),
        data_of("members:person_set_role", matrix_world),
    )

    assert response.status_code == 302
    assert changed_tables(before, fingerprint()) == ["members_person", "network_portal_auditentry"]


# --- A parent the user may change, with the child of another parent ------------------------


@pytest.mark.parametrize("role", ["org_admin", "manager", "platform_admin"])
@pytest.mark.parametrize("name", sorted(NESTED))
def test_child_of_another_parent_is_not_found(matrix_world, name, role):
    """``/organisationen/<own>/personen/<someone else's>/``: 404, and nothing changes,
    even for the platform admin (the child is looked up within its parent)."""
    client = client_as(matrix_world, role)
    url = url_of(name, matrix_world, **NESTED[name])
    before = fingerprint()

    got_get = answer(client.get(url))
    got_post = answer(client.post(url, data_of(name, matrix_world)))

    allowed = ROUTES[name].post[ROLES.index(role)] not in REFUSED
    if allowed:  # whoever is refused the parent is refused before the child is looked at
        assert got_get in ("404", "405")
        assert got_post == "404"
    assert changed_tables(before, fingerprint()) == []


# --- The table and the URL configuration agree -------------------------------------------


def _portal_routes() -> list[Route]:
    return [route for route in all_routes() if not is_admin(route)]


def test_every_route_has_a_row():
    missing = [
        f"{route.name or '(unnamed)'} {route.pattern}"
        for route in _portal_routes()
        if route.name not in ROUTES and route.name not in PUBLIC_NO_OBJECT
    ]
    assert not missing, f"routes without a row in tests/security/matrix.py: {missing}"


def test_no_row_for_a_route_that_is_gone():
    names = {route.name for route in _portal_routes()}
    gone = sorted((ROUTES.keys() | PUBLIC_NO_OBJECT) - names)
    assert not gone, f"rows for routes that no longer exist: {gone}"


def test_rows_fill_exactly_the_arguments_of_their_route():
    wrong = [
        f"{route.name}: the route takes {route.arguments}"
        for route in _portal_routes()
        if route.name in ROUTES and set(ROUTES[route.name].args) != set(route.arguments)
    ]
    assert not wrong


def test_every_route_with_a_parent_and_a_child_is_tried_across_parents():
    nested = {
        route.name
        for route in _portal_routes()
        if route.name in ROUTES and len(route.arguments) > 1 and "token" not in route.arguments
    }
    nested -= {"events:manage_export"}  # its second argument is the file format
    assert nested == set(NESTED)


def test_rows_use_only_known_answers():
    known = REFUSED | {"200", "302"}
    odd = {
        name: answers
        for name, row in ROUTES.items()
        for answers in (row.get, row.post)
        if not set(answers) <= known
    }
    assert not odd


# --- Personal links: a forged token opens nothing -----------------------------------------

TOKEN_ROUTES = sorted(name for name, row in ROUTES.items() if "token" in row.args)


@pytest.mark.parametrize("role", ["anonymous", "outsider", "platform_admin"])
@pytest.mark.parametrize("name", TOKEN_ROUTES)
def test_forged_token_is_refused_and_changes_nothing(matrix_world, name, role):
    client = client_as(matrix_world, role)
    token = matrix_world.resolve(ROUTES[name].args["token"])
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    url = url_of(name, matrix_world, token=f"={forged}")
    before = fingerprint()

    got_get = client.get(url).status_code
    got_post = client.post(url, data_of(name, matrix_world)).status_code

    assert got_get in (400, 404)
    assert got_post in (400, 404)
    assert changed_tables(before, fingerprint()) == []

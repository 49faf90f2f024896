"""No 500 for any input (issue 8, point 5).

The portal is crawled as every role (``fuzz_site``); every form found is posted with
hypothesis-generated fillings in which fields are hostile, missing, repeated or of the
wrong type; every page's query parameters get the same; every captured path argument gets
a huge number or hostile text. The answer is a form error, a 4xx, or a 200/302 where the
input happens to be valid: never a 500, and a 400 leaves every table's row count as it was.
New routes are covered once a page links to them; a route the crawl cannot reach must be
listed in ``NOT_REACHED`` with the reason.
"""

import pytest

from tests.security.fuzz_discovery import all_routes, query_parameters
from tests.security.fuzz_probe import (
    BadAnswerError,
    Probe,
    fuzz_form,
    fuzz_query,
    hostile_path,
    query_fields,
)
from tests.security.fuzz_site import fuzz_site  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.django_db

FORM_EXAMPLES = 25  # per form with fields to fill in
BUTTON_EXAMPLES = 8  # per form that is a button (hidden fields only)
QUERY_EXAMPLES = 25  # per page with query parameters
PAGE_EXAMPLES = 6  # per page that reads none (``page`` and stray keys only)

AREAS = ("portal", "members", "events", "cooperations", "privacy")

# Routes no page links to and no form posts to, with the reason.
NOT_REACHED = {
    "account_confirm_email": "allauth's e-mail confirmation link (a key only mails carry)",
    "account_reset_password_from_key": "allauth's password reset link (a key only mails carry)",
    "account_reset_password_from_key_done": "allauth's page after a password reset",
    "healthz": "health check for the load balancer, not linked",
    "livez": "liveness check for the load balancer, not linked",
}


def area_of(route: str) -> str:
    namespace = route.partition(":")[0] if ":" in route else ""
    return namespace if namespace in AREAS else "portal"


def _report(failures: list[str]) -> str:
    return f"{len(failures)} input(s) broke the portal:\n\n" + "\n\n".join(failures)


def test_the_crawl_reaches_every_route(fuzz_site):  # noqa: F811
    site = fuzz_site.site
    reached = site.visited_routes | {form.route for form in site.forms.values()}
    routes = {name for name, pattern, _args in all_routes() if not pattern.startswith("admin/")}

    missing = sorted(routes - reached - set(NOT_REACHED))

    assert not missing, (
        "No page links to these routes and no form posts to them, so the fuzz tests do not "
        f"cover them. Give the fuzz world an object that shows them: {missing}"
    )


@pytest.mark.parametrize("area", AREAS)
def test_no_form_fails_whatever_is_posted(fuzz_site, area):  # noqa: F811
    probe = Probe(users=fuzz_site.users)
    forms = [
        form
        for form in fuzz_site.site.forms.values()
        if form.method == "post" and area_of(form.route) == area
    ]
    assert forms or area == "privacy", f"the crawl found no form in {area}"

    failures = [
        f"{form.route} (form on {form.page}):\n{failure}"
        for form in forms
        if (failure := fuzz_form(probe, form, _examples(form)))
    ]

    assert not failures, _report(failures)


def _examples(form) -> int:
    fillable = any(field.kind not in ("hidden", "submit") for field in form.fields.values())
    return FORM_EXAMPLES if fillable else BUTTON_EXAMPLES


@pytest.mark.parametrize("area", AREAS)
def test_no_page_fails_whatever_its_query_says(fuzz_site, area):  # noqa: F811
    probe = Probe(users=fuzz_site.users)
    site = fuzz_site.site
    failures = []
    for route, page in sorted(site.pages.items()):
        if area_of(route) != area:
            continue
        form_fields = {}
        for form in site.forms.values():
            if form.method == "get" and form.route == route:
                form_fields.update(form.fields)
        by_hand = query_parameters(page.view)
        fields = query_fields(form_fields, by_hand, page.path)
        examples = QUERY_EXAMPLES if len(fields) > 1 else PAGE_EXAMPLES
        failure = fuzz_query(
            probe, page.path, page.role, fields=fields, by_hand=by_hand, examples=examples
        )
        if failure:
            failures.append(f"{route}:\n{failure}")

    assert not failures, _report(failures)


def test_no_route_fails_for_hostile_path_arguments(fuzz_site):  # noqa: F811
    probe = Probe(users=fuzz_site.users)
    site = fuzz_site.site
    targets = {(page.route, "get"): (page.path, page.role) for page in site.pages.values()}
    for form in site.forms.values():
        targets.setdefault((form.route, form.method), (form.action, form.role))
    failures = []
    for (_route, method), (path, role) in sorted(targets.items()):
        hostile = hostile_path(path)
        if hostile is None:
            continue
        try:
            probe.send(method, hostile, role, {})
        except BadAnswerError as failure:
            failures.append(str(failure))

    assert not failures, _report(failures)

"""Send one fuzzed request in a savepoint and check the answer: never a 500, and a 400
saves nothing (the row count of every table is unchanged).

Every request runs in its own savepoint that is rolled back afterwards, so the portal is
the same for each example: a POST that happens to be valid (a deletion, a logout) does
not change what the next example meets, and the examples are reproducible.
"""

import dataclasses
import os
import re
import traceback
from dataclasses import dataclass
from http.cookies import SimpleCookie

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import NoReverseMatch, resolve, reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.security.fuzz_discovery import Field, Form, query_of
from tests.security.fuzz_values import REPEATED, form_values, plausible

LEFT_OUT = {"django_session"}  # signing in writes it; it holds no portal data
SHOWN = 4000  # characters of a request's values in a failure message


def fuzz_settings(examples: int) -> settings:
    """CI-friendly: deterministic, no example database, no deadline.

    To hunt further, ``FUZZ_EXAMPLES=200 FUZZ_RANDOM=1`` runs more and new examples.
    """
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", examples)),
        deadline=None,
        derandomize=not os.environ.get("FUZZ_RANDOM"),
        database=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )


def _count_query() -> str:
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        - LEFT_OUT
    )
    quote = connection.ops.quote_name
    # Table names come from the models, not from input.
    return " UNION ALL ".join(
        f"SELECT '{t}', COUNT(*) FROM {quote(t)}"  # noqa: S608
        for t in tables
    )


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(_count_query())
        return dict(cursor.fetchall())


class BadAnswerError(AssertionError):
    """A request the portal answered with a 500, or a refused one that saved something."""


@dataclass
class Probe:
    """Sends requests as the roles in ``users``, each signed in once per test."""

    users: dict  # role -> User or None
    # role -> row counts after signing in; role -> (Client, its cookies after signing in)
    baselines: dict = dataclasses.field(default_factory=dict)
    clients: dict = dataclasses.field(default_factory=dict)

    def client(self, role: str) -> Client:
        """The role's client with the cookies it had right after signing in."""
        if role not in self.clients:
            client = Client()
            if self.users[role] is not None:
                client.force_login(self.users[role])
            self.clients[role] = (client, {k: m.value for k, m in client.cookies.items()})
            self.baselines[role] = row_counts()
        client, cookies = self.clients[role]
        client.cookies = SimpleCookie(cookies)
        return client

    def send(self, method: str, path: str, role: str, values: dict, htmx: bool = False) -> int:
        """One request in a savepoint; raises ``BadAnswerError`` for what must not happen."""
        cache.clear()
        client = self.client(role)
        headers = {"HX-Request": "true"} if htmx else {}
        with transaction.atomic():
            try:
                status = self._request(client, method, path, role, values, headers)
            finally:
                transaction.set_rollback(True)
        return status

    def _request(self, client, method, path, role, values, headers) -> int:  # noqa: PLR0917
        htmx = " (htmx)" if headers else ""
        described = f"{method.upper()} {path}{htmx} as {role} with {_shown(values)}"
        try:
            if method == "post":
                response = client.post(path, values, headers=headers)
            else:
                response = client.get(path, values, headers=headers)
        except Exception as error:
            raise BadAnswerError(f"{described}\n-> 500: {_where(error)}") from error
        if response.status_code >= 500 and response.status_code != 503:
            raise BadAnswerError(f"{described}\n-> {response.status_code}")
        if response.status_code == 400:
            changed = _changed(self.baselines[role], row_counts())
            if changed:
                raise BadAnswerError(f"{described}\n-> 400 but rows changed: {changed}")
        return response.status_code


def _where(error: Exception) -> str:
    """The portal's own frames of the traceback (not Django's or psycopg's), and the error."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if "site-packages" not in frame.filename
    ]
    own = "".join(traceback.format_list(frames[-4:]))
    return f"{own}{type(error).__name__}: {error}"


def _changed(before: dict, after: dict) -> dict:
    return {name: (before[name], after[name]) for name in before if before[name] != after[name]}


def _shown(values: dict) -> str:
    text = repr(values)
    return text if len(text) <= SHOWN else text[:SHOWN] + f"... ({len(text)} characters)"


# --- Running a strategy per form ----------------------------------------------------------


def fuzz_form(probe: Probe, form: Form, examples: int) -> str | None:
    """Post (or get) fuzzed fillings of ``form``; the failure message, or ``None``."""

    @fuzz_settings(examples)
    @given(values=form_values(form.fields), htmx=st.booleans())
    def attempt(values, htmx):
        probe.send(form.method, form.action, form.role, values, htmx)

    by_hand = [name for name, field in form.fields.items() if _read_by_hand(field)]
    return _outcome(with_edge_examples(attempt, form.fields, by_hand))


def _read_by_hand(field: Field) -> bool:
    """Hidden fields and buttons are what views read themselves; Django's own (the CSRF
    token, a formset's management form and row ids) are left to the random examples."""
    return (
        field.kind in ("hidden", "submit")
        and field.name != "csrfmiddlewaretoken"
        and not field.name.endswith("_FORMS")
        and not REPEATED.search(field.name)
    )


def query_fields(form_fields: dict[str, Field], read_by_hand: set[str], path: str) -> dict:
    """The query parameters a page takes: its GET forms' fields, the ones its view reads
    by hand, and ``page``, each with the value the crawled link had."""
    fields = dict(form_fields)
    for name in (*sorted(read_by_hand), "page"):
        fields.setdefault(name, Field(name=name, kind="text"))
    for name, values in query_of(path).items():
        fields.setdefault(name, Field(name=name, kind="text")).values = values
    return fields


def fuzz_query(
    probe: Probe, path: str, role: str, *, fields: dict, by_hand: set[str], examples: int
) -> str | None:
    """Fuzzed query strings for the page at ``path``; the failure message, or ``None``."""
    base = path.split("?", 1)[0]

    @fuzz_settings(examples)
    @given(values=form_values(fields), htmx=st.booleans())
    def attempt(values, htmx):
        probe.send("get", base, role, {k: v for k, v in values.items() if _is_text(v)}, htmx)

    return _outcome(with_edge_examples(attempt, fields, [*by_hand, "page"]))


# Values that break a view parsing a parameter by hand (``int(...)``, ``.isdigit()``,
# a lookup by the raw value), and the edges of dates and numbers: each is tried alone in
# every field it fits, the other fields valid.
PARSER_BREAKERS = ("²", "\x00", "9" * 25, "1" * 5000, "-1", "", "x" * 3000, "1.5")
FAR_DATES = ("9999-12-31", "0001-01-01", "31.12.9999")
EDGE_TIMES = ("23:59", "00:00")
EDGE_NUMBERS = ("9" * 25, "-1", "2147483648")
LATER_ROW = re.compile(r"[-_][1-9]\d*[-_]")


def edge_values(field: Field, by_hand: bool) -> tuple[str, ...]:
    name = field.name.lower()
    if by_hand:
        return PARSER_BREAKERS
    if field.kind in ("date", "datetime-local") or "date" in name or "day" in name:
        return FAR_DATES
    if field.kind == "time":
        return EDGE_TIMES
    if field.kind == "number":
        return EDGE_NUMBERS
    return ()


def with_edge_examples(attempt, fields: dict[str, Field], by_hand: list[str]):
    """``attempt`` with explicit examples: each edge value alone in each field it fits,
    and the hand-read fields with a second value."""
    valid = {name: plausible(each) for name, each in fields.items() if each.kind != "file"}
    for name, field in fields.items():
        if LATER_ROW.search(name):  # rows of a repeated group are alike: the first will do
            continue
        edges = list(edge_values(field, name in by_hand))
        if name in by_hand:
            edges.append([*valid.get(name, ["1"]), "2"])
        for value in edges:
            values = dict(valid)
            values[name] = value if isinstance(value, list) else [value]
            attempt = example(values=values, htmx=False)(attempt)
    return attempt


def _is_text(values: list) -> bool:
    return all(isinstance(value, str) for value in values)


def _outcome(attempt) -> str | None:
    try:
        attempt()
    except BadAnswerError as failure:
        return str(failure)
    return None


# --- Hostile path arguments ----------------------------------------------------------------

HUGE = 2**63  # one more than PostgreSQL's bigint holds
TEXTS = ("\x00", "x" * 300)  # a NUL where any text goes, a long slug where only a slug does
FIXED_CHOICES = {"format", "fmt", "what"}  # regex groups like ``csv|xlsx`` keep their value


def hostile_path(path: str) -> str | None:
    """``path`` with every captured argument replaced by a huge number or hostile text;
    ``None`` for a route without arguments."""
    match = resolve(path.split("?", 1)[0])
    if not match.kwargs:
        return None
    for text in TEXTS:
        kwargs = {
            name: HUGE if isinstance(value, int) else text for name, value in match.kwargs.items()
        }
        kwargs.update({name: match.kwargs[name] for name in FIXED_CHOICES & set(kwargs)})
        try:
            return reverse(match.view_name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None

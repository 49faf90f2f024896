"""What the bench measures: the pages (anonymous and a signed-in manager), the
registration rush and the invitations. Django is set up in this process (same settings
and database as the server), for preparing data and checking what landed."""

import asyncio
import re
import time
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote

from bench import load
from bench.dataset import BENCH_PASSWORD
from bench.dataset_members import totp_secret

SESSION_COOKIE = "__Host-sessionid"  # production.py
CSRF_COOKIE = "__Host-csrftoken"
DIRECTORY_QUERY = "Getriebe"
MARKETPLACE_QUERY = "Fräsen"
RUSH_ATTEMPTS = 1000
RUSH_CLIENTS = 50
RUSH_CAPACITY = 50
INVITATIONS = 2000
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Server:
    host: str
    port: int

    async def send(self, request: load.Request) -> load.Response:
        connection = load.Connection(self.host, self.port)
        try:
            return await connection.send(request)
        finally:
            await connection.close()


def _cookie_header(cookies: dict[str, str]) -> dict[str, str]:
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}


async def _form_post(server: Server, path: str, cookies: dict, data: dict) -> load.Response:
    """GET the form (CSRF token and cookie), then POST it; cookies are updated."""
    page = await server.send(load.Request("GET", path, _cookie_header(cookies)))
    cookies.update(page.cookies())
    match = _CSRF.search(page.body.decode())
    if page.status != 200 or match is None:
        raise RuntimeError(f"GET {path} gave {page.status} without a form")
    response = await server.send(
        load.Request.form(
            path, {"csrfmiddlewaretoken": match.group(1), **data}, _cookie_header(cookies)
        )
    )
    cookies.update(response.cookies())
    return response


async def manager_login(server: Server, *, email: str, user_id: int) -> dict[str, str]:
    """Sign in through allauth like a browser: password, then the TOTP code (2FA)."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value  # noqa: PLC0415

    cookies: dict[str, str] = {}
    response = await _form_post(
        server, "/accounts/login/", cookies, {"login": email, "password": BENCH_PASSWORD}
    )
    if response.status != 302 or "2fa" not in response.header("location"):
        raise RuntimeError(f"password step of the manager's login gave {response.status}")
    if time.time() % 30 > 28:  # the code must still be valid when the server checks it
        await asyncio.sleep(30 - time.time() % 30)
    code = format_hotp_value(hotp_value(totp_secret(user_id), int(time.time()) // 30))
    response = await _form_post(server, response.header("location"), cookies, {"code": code})
    if response.status != 302 or SESSION_COOKIE not in cookies:
        raise RuntimeError(f"two-factor step of the manager's login gave {response.status}")
    return cookies


def pages(landmarks: dict, manager_cookies: dict[str, str]) -> dict[str, load.Request]:
    """The measured pages, by name; ``livez`` is the floor."""
    signed_in = _cookie_header({SESSION_COOKIE: manager_cookies[SESSION_COOKIE]})
    return {
        "livez": load.Request("GET", "/livez"),
        "home": load.Request("GET", "/"),
        "event_list": load.Request("GET", "/veranstaltungen/"),
        "event_page": load.Request("GET", f"/veranstaltungen/{landmarks['page_event']}/"),
        "directory_search": load.Request("GET", f"/mitglieder/?q={quote(DIRECTORY_QUERY)}"),
        "marketplace_search": load.Request("GET", f"/kooperationen/?q={quote(MARKETPLACE_QUERY)}"),
        "organisation_page": load.Request("GET", f"/organisationen/{landmarks['organisation']}/"),
        "manager_registrations": load.Request(
            "GET", f"/verwaltung/veranstaltungen/{landmarks['big_event']}/", signed_in
        ),
    }


async def check_pages(server: Server, requests: dict[str, load.Request]) -> dict[str, int]:
    """Every page answers 200 once before it is measured."""
    statuses = {}
    for name, request in requests.items():
        statuses[name] = (await server.send(request)).status
    return statuses


async def measure_page(
    server: Server, request: load.Request, *, clients: int, seconds: float, warmup: float
) -> dict:
    await load.run_for(server.host, server.port, request, clients=clients, seconds=warmup)
    result = await load.run_for(server.host, server.port, request, clients=clients, seconds=seconds)
    return result.summary()


# --- Registration rush --------------------------------------------------------------------


def rush_prepare(event_id: int) -> list[tuple[str, int]]:
    """Empty the rush event; sessions for 1,000 members of its audience (one person each).

    Returns (session key, person id) per attempt. Sessions are written straight into the
    session store, database and cache, as a login does with the portal's engine (Django's
    ``cached_db``), so the rush measures registrations, not logins.
    """
    from django.conf import settings  # noqa: PLC0415
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: PLC0415
    from django.contrib.sessions.models import Session  # noqa: PLC0415
    from django.core.cache import caches  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415
    from django.utils.crypto import get_random_string  # noqa: PLC0415

    from events.models import Event, Registration  # noqa: PLC0415
    from events.selectors.public import audience_network_ids  # noqa: PLC0415
    from members.models import Membership, NetworkManager, Person  # noqa: PLC0415
    from network_portal.sessions import SessionStore  # noqa: PLC0415

    event = Event.objects.get(pk=event_id)
    Registration.objects.filter(event=event).delete()
    Event.objects.filter(pk=event_id).update(capacity=RUSH_CAPACITY, seats_per_organisation=None)
    members = Membership.objects.filter(
        network_id__in=audience_network_ids(event), status=Membership.Status.ACTIVE
    ).values("organisation_id")
    people = list(
        Person.objects.filter(organisation_id__in=members, user__isnull=False, is_active=True)
        .exclude(user_id__in=NetworkManager.objects.values("user_id"))
        .select_related("user")
        .order_by("id")[:RUSH_ATTEMPTS]
    )
    store, expires = SessionStore(), timezone.now() + timezone.timedelta(days=1)
    attempts, sessions, cached = [], [], {}
    for person in people:
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(person.user_id),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: person.user.get_session_auth_hash(),
        }
        sessions.append(
            Session(session_key=key, session_data=store.encode(data), expire_date=expires)
        )
        cached[SessionStore(session_key=key).cache_key] = data
        attempts.append((key, person.pk))
    Session.objects.bulk_create(sessions)
    caches[settings.SESSION_CACHE_ALIAS].set_many(cached, timeout=24 * 60 * 60)
    return attempts


async def rush_run(server: Server, event_id: int, attempts: list[tuple[str, int]]) -> dict:
    token = "bench" + "0" * 27  # a CSRF secret of the right length, sent as cookie and field
    requests = [
        load.Request.form(
            f"/veranstaltungen/{event_id}/anmelden/",
            {"csrfmiddlewaretoken": token, "person": str(person), "consent": "on"},
            _cookie_header({SESSION_COOKIE: key, CSRF_COOKIE: token}),
        )
        for key, person in attempts
    ]
    result = await load.run_each(server.host, server.port, requests, clients=RUSH_CLIENTS)
    return result.summary()


def rush_check(event_id: int) -> dict:
    """What landed: 50 confirmed, then the rest waitlisted, in order of arrival."""
    from events.models import Registration  # noqa: PLC0415

    rows = list(
        Registration.objects.filter(event_id=event_id)
        .order_by("created_at", "id")
        .values_list("id", "status", "person_id", "created_at")
    )
    statuses = [row[1] for row in rows]
    expected = ["confirmed"] * RUSH_CAPACITY + ["waitlisted"] * (len(rows) - RUSH_CAPACITY)
    ids = [row[0] for row in rows]
    # Registrations take the event's row lock one after the other: while attempts queue
    # for it, the gap between two ``created_at`` is the time one of them holds the lock.
    gaps = sorted(
        (later[3] - earlier[3]).total_seconds() * 1000 for earlier, later in pairwise(rows)
    )
    return {
        "registrations": len(rows),
        "confirmed": statuses.count("confirmed"),
        "waitlisted": statuses.count("waitlisted"),
        "distinct_people": len({row[2] for row in rows}),
        "in_order_of_arrival": statuses == expected and ids == sorted(ids),
        "lock_gap_median_ms": round(gaps[len(gaps) // 2], 1) if gaps else None,
    }


# --- Invitations --------------------------------------------------------------------------


def invitations_run(sink, *, event_id: int, manager_id: int, timeout: float = 300.0) -> dict:
    """2,000 invitations through the real worker: send off, then wait for the sink."""
    from django.db.models import Q  # noqa: PLC0415

    from events.models import Event, Invitation, InvitationBatch, Registration  # noqa: PLC0415
    from events.services.invitations import (  # noqa: PLC0415
        invitation_batch_prepare,
        invitation_batch_send,
    )
    from members.models import Person, User  # noqa: PLC0415
    from network_portal.models import OutgoingMail  # noqa: PLC0415

    prefix = f"invitation:{event_id}:"
    backlog = _wait_for_outbox(OutgoingMail, timeout=180.0)
    Invitation.objects.filter(event_id=event_id).delete()
    InvitationBatch.objects.filter(event_id=event_id).delete()
    OutgoingMail.objects.filter(key__startswith=prefix).delete()
    registered = Registration.objects.filter(event_id=event_id).values("person_id")
    people = Person.objects.exclude(pk__in=registered).order_by("-id")[:INVITATIONS]
    addresses = [[p.email, f"{p.first_name} {p.last_name}"] for p in people]
    manager = User.objects.get(pk=manager_id)
    event = Event.objects.get(pk=event_id)
    batch = invitation_batch_prepare(
        event=event,
        created_by=manager,
        source="addresses",
        audience={},
        addresses=addresses,
        file_name="bench-adressen.csv",
    )
    started = time.monotonic()
    invitation_batch_send(batch=batch, sent_by=manager)
    recorded_at = None
    deadline = started + timeout
    while time.monotonic() < deadline:
        received, distinct = sink.count(prefix)
        if (
            recorded_at is None
            and InvitationBatch.objects.filter(
                pk=batch.pk, status=InvitationBatch.Status.DONE
            ).exists()
        ):
            recorded_at = time.monotonic()
        if distinct >= len(addresses):
            break
        time.sleep(0.05)
    time.sleep(1.0)  # a late duplicate would arrive now
    received, distinct = sink.count(prefix)
    total = (sink.last_arrival or time.monotonic()) - started
    mails = OutgoingMail.objects.filter(key__startswith=prefix)
    return {
        "kind": "event invitations (services.invitations, Celery worker, SMTP)",
        "waited_for_earlier_mail_seconds": backlog,
        "invited": Invitation.objects.filter(event_id=event_id).count(),
        "mails_recorded": mails.count(),
        "mails_sent": mails.filter(status=OutgoingMail.Status.SENT).count(),
        "mails_not_sent": mails.filter(~Q(status=OutgoingMail.Status.SENT)).count(),
        "received_by_smtp": received,
        "duplicates": received - distinct,
        "lost": len(addresses) - distinct,
        "recorded_seconds": round(recorded_at - started, 2) if recorded_at else None,
        "total_seconds": round(total, 2),
        "mails_per_second": round(distinct / total, 1) if total > 0 else 0.0,
    }


def run(coroutine):
    return asyncio.run(coroutine)


def _wait_for_outbox(outgoing_mail, *, timeout: float) -> float:
    """Let the worker deliver the rush's mails first, so they do not count here."""
    started = time.monotonic()
    waiting = outgoing_mail.objects.filter(
        status__in=[outgoing_mail.Status.QUEUED, outgoing_mail.Status.SENDING]
    )
    while waiting.exists() and time.monotonic() - started < timeout:
        time.sleep(0.2)
    return round(time.monotonic() - started, 1)

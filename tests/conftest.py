"""Shared fixtures: a small world with every role the portal knows (healthchecks habit)."""

import email.policy
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage

import environ
import pytest
from aiosmtpd.controller import Controller
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from members.models import Network, Organisation, Person, User
from network_portal import celery_app
from tests import factories


@dataclass
class World:
    network: Network
    company: Organisation
    owner: User  # organisation admin of ``company``
    colleague: User  # staff of ``company``
    outsider: User  # signed in, no organisation
    manager: User  # network manager of ``network``
    other_manager: User  # manager of a different network
    partner: User  # staff of a chamber that is partner of ``network``
    platform_admin: User
    chamber: Organisation


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language (German), as each request does.

    The active language is per thread: without this, a request made with the English
    cookie in an earlier test would leave English active for the next test's service calls.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits live there)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    """The ``world`` fixture's objects; for module-scoped fixtures that need them too."""
    network = factories.NetworkFactory(name="In|Die RegionRuhr", slug="indie-regionruhr")
    company = factories.OrganisationFactory(name="Hesterberg Testwerk GmbH")
    factories.MembershipFactory(organisation=company, network=network)
    chamber = factories.OrganisationFactory(
        name="Test-IHK", kind=Organisation.Kind.CHAMBER_OF_COMMERCE
    )
    factories.MembershipFactory(organisation=chamber, network=network, role="partner")
    owner = factories.PersonFactory(organisation=company, role=Person.Role.ADMIN).user
    colleague = factories.PersonFactory(organisation=company, role=Person.Role.STAFF).user
    partner = factories.PersonFactory(organisation=chamber, role=Person.Role.STAFF).user
    manager = factories.NetworkManagerFactory(network=network).user
    other_manager = factories.NetworkManagerFactory().user
    return World(
        network=network,
        company=company,
        owner=owner,
        colleague=colleague,
        outsider=factories.UserFactory(),
        manager=manager,
        other_manager=other_manager,
        partner=partner,
        platform_admin=factories.UserFactory(is_superuser=True, is_staff=True),
        chamber=chamber,
    )


@dataclass
class SmtpSink:
    """A real SMTP server's handler: collects accepted mail, refuses listed recipients.

    ``refused["x@example.org"] = "550 ..."`` refuses a recipient; a ``data_reply`` other
    than 250 refuses every message.
    """

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)  # (from, to)
    refused: dict[str, str] = field(default_factory=dict)  # recipient -> reply to RCPT
    data_reply: str = "250 Message accepted for delivery"
    arrived: threading.Condition = field(default_factory=threading.Condition)
    connections: int = 0  # SMTP sessions opened (EHLO)

    async def handle_EHLO(self, server, session, envelope, hostname, responses) -> list[str]:  # noqa: N802
        session.host_name = hostname
        with self.arrived:
            self.connections += 1
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # noqa: N802
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        if not self.data_reply.startswith("250"):
            return self.data_reply
        content = envelope.content.replace(b"\r\n", b"\n")
        message = email.message_from_bytes(content, policy=email.policy.default)
        with self.arrived:
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.messages.append(message)
            self.arrived.notify_all()
        return self.data_reply

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until ``count`` messages arrived (or the timeout passed); return them all."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
            return list(self.messages)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink(settings) -> Iterator[SmtpSink]:
    """A real SMTP server (aiosmtpd) in a thread; the outbox delivers to it (EMAIL_URL set).

    Django's test runner swaps in the locmem mail backend; this puts the outbox back.
    """
    sink = SmtpSink(host="127.0.0.1", port=_free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    settings.EMAIL_BACKEND = "network_portal.mail.OutboxBackend"
    settings.OUTBOX_DELIVERY = environ.Env.email_url_config(f"smtp://{sink.host}:{sink.port}")
    yield sink
    controller.stop()


@pytest.fixture(scope="module")
def celery_worker():
    """A real Celery worker (solo pool, in a thread) consuming the test Redis queue.

    Tests that use it need ``@pytest.mark.django_db(transaction=True)``: the worker
    has its own database connection and sees only committed rows.
    """
    celery_app.control.purge()
    with start_worker(celery_app, pool="solo", perform_ping_check=False) as worker:
        yield worker


def _wait_until(predicate: Callable[[], object], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture
def wait_until() -> Callable[..., bool]:
    """``wait_until(predicate, timeout=5.0)`` polls until the worker's effect is visible."""
    return _wait_until

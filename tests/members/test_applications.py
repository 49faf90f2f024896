"""Applying to a network and the managers' decisions: the rules, the rows, the mails, and
two managers deciding at once. (Through HTTP: test_application_pages.py and
test_application_queue_pages.py.)

``world.company`` (admin: ``world.owner``, staff: ``world.colleague``) is already a member
of ``world.network``; it applies to ``target`` (see application_fixtures.py).
"""

import threading

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from members.models import Membership, Network, Person, User
from members.services.applications import (
    ApplicationError,
    membership_apply,
    membership_approve,
    membership_decline,
)
from network_portal.models import AuditEntry, OutgoingMail
from tests import factories
from tests.members import application_fixtures
from tests.members.application_fixtures import apply, mails_about, translated
from tests.members.fixtures.text import de

pytestmark = pytest.mark.django_db

# The shared fixtures (see application_fixtures.py), registered in this module.
target = application_fixtures.target
application = application_fixtures.application


# --- Applying ------------------------------------------------------------------------------


def test_apply_records_application_from_organisation(world, target):
    membership = membership_apply(
        organisation=world.company, network=target.network, message="  Wir möchten mitmachen. "
    )

    membership.refresh_from_db()
    assert (membership.organisation, membership.network) == (world.company, target.network)
    assert (membership.status, membership.role) == ("applied", "member")
    assert membership.message == "Wir möchten mitmachen."
    assert membership.applied_at is not None
    assert (membership.decided_at, membership.decided_by, membership.started_on) == (
        None,
        None,
        None,
    )


def test_apply_mails_each_manager_in_their_language(world, target):
    membership = apply(world.company, target.network)

    mails = mails_about(membership)

    assert [(m.recipient, m.language, m.kind) for m in mails] == sorted(
        [
            (target.manager_de.email, "de", "application_received"),
            (target.manager_en.email, "en", "application_received"),
        ]
    )
    names = {"network": target.network.name, "organisation": world.company.name}
    for mail in mails:
        subject = translated(
            mail.language, "New application to %(network)s: %(organisation)s", **names
        )
        assert mail.subject == subject
        assert world.company.name in mail.body_text
        assert "Hallo" in mail.body_text
        assert f"{settings.SITE_URL.rstrip('/')}{reverse('members:applications')}" in (
            mail.body_text
        )


def test_apply_to_network_without_managers_mails_platform_admins(world):
    unmanaged = factories.NetworkFactory(name="Netzwerk ohne Management")

    membership = apply(world.company, unmanaged)

    mails = mails_about(membership)
    assert [(m.recipient, m.kind) for m in mails] == [
        (world.platform_admin.email, "application_received")
    ]


def test_apply_as_partner_for_partner_organisation(world, target):
    membership = apply(world.chamber, target.network, role="partner")

    assert Membership.objects.get(pk=membership.pk).role == "partner"


def test_apply_as_partner_refused_for_company(world, target):
    with pytest.raises(ApplicationError):
        apply(world.company, target.network, role="partner")

    assert not Membership.objects.filter(network=target.network).exists()


def test_apply_as_founding_partner_refused(world, target):
    with pytest.raises(ApplicationError):
        apply(world.chamber, target.network, role="founding_partner")


def test_apply_to_closed_network_refused(world, target):
    Network.objects.filter(pk=target.network.pk).update(is_open=False)
    target.network.refresh_from_db()

    with pytest.raises(ApplicationError) as refused:
        apply(world.company, target.network)

    assert refused.value.message == de("This network is not open to new participants.")
    assert not Membership.objects.filter(network=target.network).exists()
    assert not OutgoingMail.objects.exists()


def test_apply_twice_refused_while_first_is_open(world, target):
    first = apply(world.company, target.network)

    with pytest.raises(ApplicationError) as refused:
        apply(world.company, target.network)

    assert refused.value.message == de(
        "%(organisation)s has already applied to %(network)s; the managers will decide.",
        organisation=world.company.name,
        network=target.network.name,
    )
    assert list(Membership.objects.filter(network=target.network)) == [first]


def test_apply_refused_for_active_member(world):
    with pytest.raises(ApplicationError) as refused:
        apply(world.company, world.network)

    assert refused.value.message == de(
        "%(organisation)s is already part of %(network)s.",
        organisation=world.company.name,
        network=world.network.name,
    )
    assert Membership.objects.filter(organisation=world.company).count() == 1


def test_apply_again_after_decline(world, target, application):
    membership_decline(membership=application, decided_by=world.manager, reason="Noch zu früh.")

    again = apply(world.company, target.network)

    statuses = Membership.objects.filter(organisation=world.company, network=target.network)
    assert sorted(statuses.values_list("status", flat=True)) == ["applied", "declined"]
    assert len(mails_about(again)) == 3  # the three managers, again


# --- Approving and declining ------------------------------------------------------------------


def test_approve_makes_organisation_active_member_from_today(world, application):
    membership_approve(membership=application, decided_by=world.manager)

    application.refresh_from_db()
    assert application.status == "active"
    assert application.started_on == timezone.localdate()
    assert application.decided_by == world.manager
    assert application.decided_at is not None
    assert application.decision_reason == ""


def test_approve_is_recorded_in_audit_log(world, application):
    membership_approve(membership=application, decided_by=world.manager)

    (entry,) = AuditEntry.objects.filter(action="membership.approve")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        world.manager,
        "members.membership",
        str(application.pk),
    )
    assert entry.details == {
        "organisation": world.company.pk,
        "network": application.network_id,
        "role": "member",
    }


def test_approve_mails_organisation_admins_in_their_language(world, application):
    english_admin = factories.PersonFactory(
        organisation=world.company, role=Person.Role.ADMIN, user__language="en"
    ).user
    factories.PersonFactory(organisation=world.company, role=Person.Role.ADMIN, is_active=False)

    membership_approve(membership=application, decided_by=world.manager)

    approved = [m for m in mails_about(application) if m.kind == "application_approved"]
    assert sorted((m.recipient, m.language) for m in approved) == sorted(
        [(world.owner.email, "de"), (english_admin.email, "en")]
    )
    for mail in approved:
        network = application.network.name
        subject = translated(
            mail.language, "Welcome to %(network)s: your application was approved", network=network
        )
        assert mail.subject == subject
        assert application.network.get_absolute_url() in mail.body_text


def test_approve_does_not_mail_staff_or_other_organisations(world, application):
    membership_approve(membership=application, decided_by=world.manager)

    recipients = {m.recipient for m in mails_about(application) if m.kind != "application_received"}
    assert recipients == {world.owner.email}
    assert world.colleague.email not in recipients


def test_decline_records_reason_and_mails_it(world, application):
    membership_decline(
        membership=application,
        decided_by=world.manager,
        reason="  Bitte zuerst Kontakt aufnehmen. ",
    )

    application.refresh_from_db()
    assert application.status == "declined"
    assert application.decision_reason == "Bitte zuerst Kontakt aufnehmen."
    assert application.decided_by == world.manager
    assert application.started_on is None
    (mail,) = [m for m in mails_about(application) if m.kind == "application_declined"]
    assert (mail.recipient, mail.language) == (world.owner.email, "de")
    network = application.network.name
    assert mail.subject == translated(
        "de", "Your application to %(network)s was declined", network=network
    )
    assert "Bitte zuerst Kontakt aufnehmen." in mail.body_text
    assert "Bitte zuerst Kontakt aufnehmen." in mail.body_html
    assert AuditEntry.objects.filter(action="membership.decline").count() == 1


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_decline_without_reason_refused(world, application, reason):
    with pytest.raises(ApplicationError):
        membership_decline(membership=application, decided_by=world.manager, reason=reason)

    application.refresh_from_db()
    assert application.status == "applied"
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("first", ["approve", "decline"])
def test_decided_application_cannot_be_decided_again(world, application, first):
    decide(first, application, world.manager)
    mail_count = OutgoingMail.objects.count()

    for second in ("approve", "decline"):
        with pytest.raises(ApplicationError) as refused:
            decide(second, application, world.platform_admin)
        assert refused.value.message == de("This application has already been decided.")

    application.refresh_from_db()
    assert application.decided_by == world.manager
    assert OutgoingMail.objects.count() == mail_count
    assert AuditEntry.objects.count() == 1


def decide(how: str, membership: Membership, user: User) -> Membership:
    if how == "approve":
        return membership_approve(membership=membership, decided_by=user)
    return membership_decline(membership=membership, decided_by=user, reason="Passt nicht.")


# --- Two managers deciding at once (real threads, real PostgreSQL row locks) ---------------------


def in_thread(work, results: dict, name: str) -> threading.Thread:
    """Run ``work`` in a thread with its own database connection; keep what it did."""

    def run():
        try:
            results[name] = work()
        except ApplicationError as error:
            results[name] = error.message
        finally:
            connection.close()

    return threading.Thread(target=run, name=name)


def waiting_for_lock() -> int:
    """Connections of this database that wait for a row lock right now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_second_decision_waits_for_first_and_is_refused(world, application, wait_until):
    first_holds_lock, release = threading.Event(), threading.Event()

    def approve_and_hold():
        with transaction.atomic():
            membership_approve(membership=application, decided_by=world.manager)
            first_holds_lock.set()
            release.wait(timeout=10)
        return "approved"

    def decline_meanwhile():
        first_holds_lock.wait(timeout=10)
        membership_decline(membership=application, decided_by=world.platform_admin, reason="Nein")
        return "declined"

    results: dict = {}
    threads = [
        in_thread(approve_and_hold, results, "first"),
        in_thread(decline_meanwhile, results, "second"),
    ]
    for thread in threads:
        thread.start()
    assert first_holds_lock.wait(timeout=10)
    waited = wait_until(lambda: waiting_for_lock() >= 1)
    release.set()
    for thread in threads:
        thread.join(timeout=10)

    assert waited  # the second decision really waited for the first one's lock
    assert results == {
        "first": "approved",
        "second": de("This application has already been decided."),
    }
    application.refresh_from_db()
    assert (application.status, application.decided_by) == ("active", world.manager)
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["membership.approve"]
    kinds = {m.kind for m in mails_about(application)}
    assert kinds == {"application_received", "application_approved"}


@pytest.mark.django_db(transaction=True)
def test_simultaneous_decisions_only_one_succeeds(world, application):
    start = threading.Barrier(2, timeout=10)

    def decide_at_once(how: str, user: User):
        def work():
            start.wait()
            decide(how, application, user)
            return how

        return work

    results: dict = {}
    threads = [
        in_thread(decide_at_once("approve", world.manager), results, "manager"),
        in_thread(decide_at_once("decline", world.platform_admin), results, "admin"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    refused = de("This application has already been decided.")
    assert sorted(results.values(), key=lambda v: v == refused)[1] == refused
    winners = [name for name, outcome in results.items() if outcome != refused]
    assert len(winners) == 1
    application.refresh_from_db()
    expected = {"manager": ("active", world.manager), "admin": ("declined", world.platform_admin)}
    assert (application.status, application.decided_by) == expected[winners[0]]
    assert AuditEntry.objects.count() == 1

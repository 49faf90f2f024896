"""300 invitations through the real path: manager pages → batch → Celery worker on Redis
→ outbox → a real SMTP server. Every invitee gets exactly one mail with their own link."""

from collections import Counter

import icalendar
import pytest
from django.urls import reverse

from events.models import Invitation, InvitationBatch
from events.services.invitations import invitation_for_token
from members.models import Person
from network_portal.models import OutgoingMail
from tests import factories
from tests.events.manage_helpers import as_user

RECIPIENTS = 300
worker_db = pytest.mark.django_db(transaction=True)


def _audience(world) -> tuple:
    """Two networks; 300 addresses, 20 of them also in the second network (dedupe)."""
    ruhr = factories.NetworkFactory(name="Netzwerk Ruhr")
    cluster = factories.NetworkFactory(name="Cluster Süd")
    factories.NetworkManagerFactory(network=ruhr, user=world.manager)
    factories.NetworkManagerFactory(network=cluster, user=world.manager)
    organisations = [factories.MembershipFactory(network=ruhr).organisation for _ in range(30)]
    both = factories.MembershipFactory(network=cluster).organisation
    factories.MembershipFactory(organisation=organisations[0], network=cluster)
    people = [
        Person(
            organisation=organisations[number % 30],
            first_name=f"Person{number}",
            last_name="Muster",
            email=f"person.{number}@example.org",
            role=Person.Role.STAFF,
        )
        for number in range(RECIPIENTS)
    ]
    people += [  # the same addresses at a second organisation, in the other network
        Person(
            organisation=both,
            first_name="Zweit",
            last_name="Eintrag",
            email=f"PERSON.{n}@example.org",
        )
        for n in range(20)
    ]
    Person.objects.bulk_create(people)
    event = factories.EventFactory(title="Netzwerktreffen Süd", organising_networks=[ruhr])
    return event, ruhr, cluster


@worker_db
def test_300_invitations_each_arrive_once_with_a_personal_link(
    client, world, celery_worker, smtp_sink, wait_until
):
    event, ruhr, cluster = _audience(world)
    as_user(client, world.manager)
    response = client.post(
        reverse("events:manage_invite", args=[event.pk]),
        {"source": "networks", "networks": [ruhr.pk, cluster.pk], "people": "all"},
    )
    batch = InvitationBatch.objects.get()
    assert response.status_code == 302
    assert batch.total == RECIPIENTS

    client.post(reverse("events:manage_invite_send", args=[event.pk, batch.pk]))

    def all_settled() -> bool:
        mails = OutgoingMail.objects.filter(kind="event-invitation")
        return mails.filter(status="sent").count() == RECIPIENTS

    assert wait_until(all_settled, timeout=120)
    messages = smtp_sink.wait_for(RECIPIENTS, timeout=10)
    batch.refresh_from_db()
    assert (batch.status, batch.recorded, batch.total) == ("done", RECIPIENTS, RECIPIENTS)
    assert Invitation.objects.count() == RECIPIENTS

    recipients = Counter(to for _sender, tos in smtp_sink.envelopes for to in tos)
    assert len(messages) == RECIPIENTS
    assert set(recipients.values()) == {1}
    assert set(recipients) == {f"person.{n}@example.org" for n in range(RECIPIENTS)}
    for message in messages:
        _check_message(message, event)


def _check_message(message, event) -> None:
    recipient = message["To"]
    assert message["Subject"].startswith("Einladung") or message["Subject"].startswith("Invitation")
    assert "Netzwerktreffen Süd" in message["Subject"]
    assert message["List-Unsubscribe"].strip().startswith("<http")  # folded: a long line
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    token = text.split("/veranstaltungen/einladung/")[1].split("/")[0]
    assert invitation_for_token(token).email == recipient
    assert message.get_body(("html",)) is not None
    calendar_part = next(
        p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"
    )
    calendar = icalendar.Calendar.from_ical(calendar_part.get_content())
    assert calendar["METHOD"] == "PUBLISH"
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == event.title

"""Per-event mail status counts: on the mails page (per kind) and on the manager page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import Event
from events.selectors.mails import event_mail_counts
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.events.manage_helpers import as_user

pytestmark = pytest.mark.django_db
Status = OutgoingMail.Status


@pytest.fixture
def event(world) -> Event:
    return factories.EventFactory(title="Betriebsbesuch", organising_networks=[world.network])


def mail(event, kind: str, status: str, n: int = 1) -> None:
    for _ in range(n):
        index = OutgoingMail.objects.count()
        OutgoingMail.objects.create(
            key=f"{kind}:{index}",
            kind=kind,
            status=status,
            recipient=f"p{index}@example.org",
            from_email="portal@example.org",
            subject="Betreff",
            body_text="Text",
            about=mail_about(event),
        )


@pytest.fixture
def mails(event):
    mail(event, "registration-confirmed", Status.SENT, 3)
    mail(event, "registration-confirmed", Status.SENDING)
    mail(event, "registration-confirmed", Status.QUEUED)
    mail(event, "registration-confirmed", Status.FAILED)
    mail(event, "event-reminder", Status.SENT, 2)
    mail(event, "event-reminder", Status.SUPPRESSED)
    mail(event, "event-changed", Status.UNCERTAIN)
    other = factories.EventFactory()
    mail(other, "registration-confirmed", Status.FAILED, 5)


def test_counts_per_kind_and_status(event, mails):
    counts = event_mail_counts(event)
    with translation.override("en"):
        labels = [(k.kind, str(k.label), k.total) for k in counts.kinds]
    assert labels == [
        ("registration-confirmed", "Registration confirmations", 6),
        ("event-changed", "Change notices", 1),
        ("event-reminder", "Reminders", 3),
    ]
    assert counts.kinds[0].by_status == {"sent": 3, "queued": 2, "failed": 1}
    assert counts.by_status == {
        "queued": 2,
        "sent": 5,
        "failed": 1,
        "uncertain": 1,
        "suppressed": 1,
        "kept": 0,
    }
    assert (counts.total, counts.needs_a_look) == (10, 2)
    assert [status for status, _label in counts.columns] == [
        "queued",
        "sent",
        "failed",
        "uncertain",
        "suppressed",
    ]
    assert counts.rows[0][1] == [2, 3, 1, 0, 0]


def test_quiet_statuses_appear_only_when_some_mail_has_them(event):
    mail(event, "registration-confirmed", Status.SENT)
    counts = event_mail_counts(event)
    assert [status for status, _label in counts.columns] == ["queued", "sent", "failed"]
    assert counts.totals == [("queued", 0), ("sent", 1), ("failed", 0)]


def test_mails_page_shows_the_counts_table(client, world, event, mails):
    url = reverse("events:manage_mails", kwargs={"pk": event.pk})
    content = as_user(client, world.manager).get(url).content.decode()
    assert '<caption id="mail-counts-caption">E-mails by kind and status</caption>' in content
    assert '<th scope="row">Registration confirmations</th>' in content
    assert "2 e-mails failed or may not have arrived; please check them below." in content
    assert f'<a href="{url}?status=failed" class="mail-count-alert">1</a>' in content
    assert f'<a href="{url}?status=sent">5</a>' in content
    assert "<td>Reminders</td>" in content  # the kind in the list of mails


def test_manager_page_has_a_one_line_summary(client, world, event, mails):
    url = reverse("events:manage_event", kwargs={"pk": event.pk})
    content = as_user(client, world.manager).get(url).content.decode()
    assert "<strong>E-mails about this event:</strong>" in content
    assert ">Queued: 2</span> · " in content
    assert ">Sent: 5</span> · " in content
    assert 'class="mail-summary-item mail-count-alert">Failed: 1</span>' in content
    assert "Kept:" not in content
    assert reverse("events:manage_reminders", kwargs={"pk": event.pk}) in content


def test_manager_page_without_mails_says_none(client, world, event):
    url = reverse("events:manage_event", kwargs={"pk": event.pk})
    content = as_user(client, world.manager).get(url).content.decode()
    assert "none so far" in content


def test_mails_page_in_german(client, world, event, mails):
    url = reverse("events:manage_mails", kwargs={"pk": event.pk})
    content = as_user(client, world.manager, language="de").get(url).content.decode()
    assert '<caption id="mail-counts-caption">E-Mails nach Art und Status</caption>' in content
    assert '<th scope="row">Anmeldebestätigungen</th>' in content


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_mails_page_queries_do_not_grow_with_mails(client, world, event):
    as_user(client, world.manager)
    url = reverse("events:manage_mails", kwargs={"pk": event.pk})
    mail(event, "registration-confirmed", Status.SENT)
    one = _queries(client, url)
    for kind in ("registration-waitlisted", "event-changed", "event-reminder"):
        mail(event, kind, Status.FAILED, 8)
    assert _queries(client, url) == one

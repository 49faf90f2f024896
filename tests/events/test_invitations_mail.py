"""The invitation mails as recorded in the outbox: language, content, personal link,
unsubscribe link and headers, calendar file; chunked recording and transactions."""

import icalendar
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from events.models import Event, Invitation, InvitationBatch
from events.services import invitations as services
from events.services.invitation_mails import LINK_SALT
from network_portal.models import MailPreference, OutgoingMail
from network_portal.preferences import unsubscribe_link_read
from tests import factories
from tests.events.invitation_fixtures import audience_fixture, prepare, record_all  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def mails(audience, world) -> dict[str, OutgoingMail]:
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    batch.message = "Wir freuen uns auf Sie!"
    batch.save(update_fields=["message"])
    record_all(batch, world.manager)
    return {m.recipient.split("@")[0]: m for m in OutgoingMail.objects.all()}


def weekday(event, language: str) -> str:
    with translation.override(language):
        return formats.date_format(timezone.localtime(event.starts_at), "l")


def test_one_mail_per_invitation_linked_and_kept(audience, mails):
    invitations = Invitation.objects.select_related("mail")

    assert sorted(mails) == ["alma", "anna", "anton", "berta", "bruno"]
    assert all(i.mail.recipient == i.email for i in invitations)
    assert {m.status for m in mails.values()} == {OutgoingMail.Status.KEPT}
    assert {m.kind for m in mails.values()} == {"event-invitation"}
    assert mails["anton"].key == f"invitation:{audience.event.pk}:anton@example.org"
    assert mails["anton"].about == f"events.event:{audience.event.pk}"


def test_subject_keeps_ampersands(audience, world):
    Event.objects.filter(pk=audience.event.pk).update(title="Zoll & Export <kompakt>")
    record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)

    mail = OutgoingMail.objects.get(recipient="anton@example.org")

    assert mail.subject.startswith("Einladung: Zoll & Export <kompakt> am ")
    assert "Zoll &amp; Export &lt;kompakt&gt;" in mail.body_html
    assert "„Zoll & Export <kompakt>“" in mail.body_text


def test_mail_in_the_recipients_language(audience, mails):
    english, german = mails["alma"], mails["anton"]

    assert (english.language, german.language) == ("en", "de")
    assert english.subject.startswith("Invitation: Wirtschaft trifft Wirtschaft im Juni on ")
    assert german.subject.startswith("Einladung: Wirtschaft trifft Wirtschaft im Juni am ")
    assert english.body_text.startswith("Hello Alma Muster,\n\nyou are invited to")
    assert "Sie sind herzlich eingeladen zu „Wirtschaft trifft" in german.body_text
    assert "Register with your personal link:" in english.body_text
    assert "Melden Sie sich mit Ihrem persönlichen Link an:" in german.body_text
    assert "Jetzt anmelden" in german.body_html
    assert weekday(audience.event, "en") in english.body_text
    assert weekday(audience.event, "de") in german.body_text
    assert weekday(audience.event, "de") in german.body_html
    assert '<html lang="de">' in german.body_html
    assert '<html lang="en">' in english.body_html


def test_mail_content_and_personal_link(audience, mails):
    mail = mails["anton"]
    invitation = Invitation.objects.get(email="anton@example.org")

    assert mail.body_text.startswith("Guten Tag Anton Muster,")
    assert "Wir freuen uns auf Sie!" in mail.body_text
    assert "Technologiezentrum Ruhr" in mail.body_text
    assert "Netzwerk Ruhr" in mail.body_text
    token = mail.body_text.split("/veranstaltungen/einladung/")[1].split("/")[0]
    assert services.invitation_for_token(token) == invitation
    assert f"/veranstaltungen/einladung/{token}/" in mail.body_html
    assert "anton" not in token
    assert mail.body_text.count("/veranstaltungen/einladung/") == 1
    other = mails["bruno"].body_text.split("/veranstaltungen/einladung/")[1].split("/")[0]
    assert services.invitation_for_token(other).email == "bruno@example.org"
    assert LINK_SALT == "events.invitation"


def test_mail_carries_unsubscribe_link_and_headers(mails):
    mail = mails["anton"]

    url = mail.headers["List-Unsubscribe"].strip("<>")
    token = url.rstrip("/").split("/")[-1]
    link = unsubscribe_link_read(token)
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url.startswith("http")
    assert url in mail.body_text
    assert url in mail.body_html
    assert (link.preference.email, link.category) == ("anton@example.org", "invitations")
    assert "anton" not in token


def test_calendar_file_announces_the_event(audience, mails):
    attachment = mails["anton"].attachments[0]

    calendar = icalendar.Calendar.from_ical(attachment["content"])
    event = calendar.walk("VEVENT")[0]
    assert attachment["name"] == f"veranstaltung-{audience.event.pk}.ics"
    assert attachment["type"].startswith("text/calendar")
    assert calendar["METHOD"] == "PUBLISH"
    assert str(event["SUMMARY"]) == "Wirtschaft trifft Wirtschaft im Juni"


def test_online_link_stays_out_of_the_invitation(audience, world):
    Event.objects.filter(pk=audience.event.pk).update(
        format=Event.Format.ONLINE, online_url="https://meet.example.org/geheim"
    )
    record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)

    for mail in OutgoingMail.objects.all():
        assert "geheim" not in mail.body_text
        assert "geheim" not in mail.body_html
        assert "geheim" not in mail.attachments[0]["content"]


def test_unsubscribed_after_preparing_is_not_recorded(audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    MailPreference.objects.create(email="anton@example.org", invitations=False)

    record_all(batch, world.manager)

    assert not OutgoingMail.objects.filter(recipient="anton@example.org").exists()
    assert Invitation.objects.count() == 4


def test_recording_rolled_back_queues_and_keeps_nothing(
    audience, world, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    services.invitation_batch_send(batch=batch, sent_by=world.manager)

    def record_then_fail() -> None:
        with transaction.atomic():
            services.invitation_batch_record(batch_id=batch.pk)
            assert OutgoingMail.objects.count() == 5
            raise RuntimeError("the worker fails after recording")

    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(RuntimeError),
    ):
        record_then_fail()

    assert callbacks == []
    assert not OutgoingMail.objects.exists()
    assert not Invitation.objects.exists()


def test_recording_queues_the_next_run_then_the_mails_in_one_batch_after_commit(
    audience, world, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.OUTBOX_DELIVERY = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
    monkeypatch.setattr(services, "CHUNK", 2)
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    services.invitation_batch_send(batch=batch, sent_by=world.manager)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        recorded = services.invitation_batch_record(batch_id=batch.pk)

    batch.refresh_from_db()
    assert recorded == 2
    assert (batch.status, batch.recorded, batch.total) == ("recording", 2, 5)
    queued = [(call.func.__self__.name, call.keywords["kwargs"]) for call in callbacks]
    mail_ids = sorted(OutgoingMail.objects.values_list("pk", flat=True))
    assert queued == [
        ("events.record_invitations", {"batch_id": batch.pk}),  # not behind the deliveries
        ("network_portal.deliver_mails", {"mail_ids": mail_ids}),
    ]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"queued"}


def test_sending_off_queues_nothing_when_rolled_back(
    audience, world, django_capture_on_commit_callbacks
):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])

    def send_then_fail() -> None:
        with transaction.atomic():
            services.invitation_batch_send(batch=batch, sent_by=world.manager)
            raise RuntimeError("rolled back")

    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(RuntimeError),
    ):
        send_then_fail()

    batch.refresh_from_db()
    assert callbacks == []
    assert batch.status == InvitationBatch.Status.DRAFT


def _record_queries(audience, world, organisation, count: int) -> int:
    for number in range(count):
        factories.PersonFactory(
            organisation=organisation, user=None, email=f"p{number}.{organisation.pk}@example.org"
        )
    batch = prepare(
        audience, world.manager, source="organisations", organisations=[organisation.pk]
    )
    services.invitation_batch_send(batch=batch, sent_by=world.manager)
    with CaptureQueriesContext(connection) as queries:
        services.invitation_batch_record(batch_id=batch.pk)
    assert batch.invitations.count() == count
    return len(queries)


def test_recording_a_chunk_needs_no_query_per_recipient(audience, world):
    few = factories.MembershipFactory(network=audience.ruhr).organisation
    many = factories.MembershipFactory(network=audience.ruhr).organisation

    assert _record_queries(audience, world, few, 3) == _record_queries(audience, world, many, 60)

"""Register → outbox row → (after commit) the real Celery worker → a real SMTP server."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from events.models import Registration
from network_portal.models import OutgoingMail
from tests import factories
from tests.events.notify_helpers import (
    BERLIN,
    SITE,
    cancel_link_in,
    portal_site,  # noqa: F401 - autouse fixture
)

worker_db = pytest.mark.django_db(transaction=True)


def _all_sent():
    return lambda: (
        OutgoingMail.objects.exists()
        and not OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).exists()
    )


@worker_db
def test_register_confirmation_arrives_with_the_calendar(
    client, celery_worker, smtp_sink, wait_until
):
    starts_at = dt.datetime(2099, 6, 18, 17, 30, tzinfo=BERLIN)
    event = factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
    )
    anna = factories.PersonFactory(
        user__email="anna@example.org", user__language="en", first_name="Anna", last_name="Berg"
    )
    client.force_login(anna.user)
    response = client.post(
        reverse("events:register", kwargs={"pk": event.pk}),
        {"person": anna.pk, "consent": "on"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED

    assert wait_until(_all_sent(), timeout=10)
    [message] = smtp_sink.wait_for(1)
    assert smtp_sink.envelopes == [("portal@portal.example", ["anna@example.org"])]
    assert message["To"] == "anna@example.org"
    assert (
        message["Subject"] == "Registration confirmed: Wirtschaft trifft Wirtschaft on 06/18/2099"
    )
    assert message["X-Portal-Key"] == f"registration-confirmed:{registration.pk}"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert cancel_link_in(text) == cancel_link_in(html)
    assert cancel_link_in(text).startswith(f"{SITE}/anmeldungen/absagen/")

    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "einladung.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(attachment.get_content())
    [vevent] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(vevent["UID"]) == f"event-{event.pk}@portal.example"
    assert vevent.decoded("DTSTART") == starts_at
    assert str(vevent["ATTENDEE"]) == "mailto:anna@example.org"

"""The manager's reminder rules of one event: who may, adding, removing, bad input."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Event, ReminderRule
from events.services.reminders import reminder_rules_create_defaults
from network_portal.models import AuditEntry
from tests import factories
from tests.events.manage_helpers import as_user

pytestmark = pytest.mark.django_db
DENIED = ("outsider", "owner", "colleague", "other_manager")
ALLOWED = ("manager", "platform_admin")


@pytest.fixture
def event(world) -> Event:
    event = factories.EventFactory(title="Betriebsbesuch", organising_networks=[world.network])
    reminder_rules_create_defaults(event=event)
    return event


def page(event) -> str:
    return reverse("events:manage_reminders", kwargs={"pk": event.pk})


def add(client, event, amount, unit="days"):
    url = reverse("events:manage_reminder_add", kwargs={"pk": event.pk})
    return client.post(url, {"amount": amount, "unit": unit})


def remove_url(rule) -> str:
    return reverse(
        "events:manage_reminder_remove", kwargs={"pk": rule.event_id, "rule_pk": rule.pk}
    )


def offsets(event) -> list[dt.timedelta]:
    return list(event.reminder_rules.values_list("offset", flat=True))


@pytest.mark.parametrize("role", ALLOWED)
def test_manager_sees_the_rules(client, world, event, role):
    response = as_user(client, getattr(world, role)).get(page(event))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Reminders before the event</h1>" in content
    assert '<th scope="row">7 days before the start</th>' in content
    assert '<th scope="row">1 day before the start</th>' in content
    assert 'aria-current="page">Reminders</a>' in content


def test_anonymous_is_sent_to_sign_in(client, event):
    response = client.get(page(event))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={page(event)}"
    assert add(client, event, 3).status_code == 302
    assert offsets(event) == [dt.timedelta(days=7), dt.timedelta(days=1)]


@pytest.mark.parametrize("role", DENIED)
def test_others_may_neither_see_nor_change(client, world, event, role):
    as_user(client, getattr(world, role))
    rule = event.reminder_rules.first()
    assert client.get(page(event)).status_code == 403
    assert add(client, event, 3).status_code == 403
    assert client.post(remove_url(rule)).status_code == 403
    assert offsets(event) == [dt.timedelta(days=7), dt.timedelta(days=1)]


def test_other_networks_draft_is_not_found(client, world):
    draft = factories.EventFactory(status=Event.Status.DRAFT)
    assert as_user(client, world.manager).get(page(draft)).status_code == 404


def test_add_a_rule_in_hours(client, world, event):
    response = add(as_user(client, world.manager), event, 3, unit="hours")
    assert response.status_code == 302
    assert response["Location"] == page(event)
    assert offsets(event) == [dt.timedelta(days=7), dt.timedelta(days=1), dt.timedelta(hours=3)]
    assert "Reminder added: 3 hours before the start." in client.get(page(event)).content.decode()
    entry = AuditEntry.objects.get(action="event.reminder_add")
    assert (entry.actor, entry.details) == (world.manager, {"minutes": 180})


@pytest.mark.parametrize(
    "case",
    [
        ("", "days", "This field is required."),
        ("abc", "days", "Enter a whole number."),
        ("0", "days", "Ensure this value is greater than or equal to 1."),
        ("61", "days", "A reminder goes out between 1 hour and 60 days before the start."),
        ("1", "days", "This event has a reminder at that time already."),
        ("24", "hours", "This event has a reminder at that time already."),
        ("2", "weeks", "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, world, event, case):
    amount, unit, message = case
    response = add(as_user(client, world.manager), event, amount, unit=unit)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert offsets(event) == [dt.timedelta(days=7), dt.timedelta(days=1)]


def test_at_most_five_rules(client, world, event):
    as_user(client, world.manager)
    for days in (2, 3, 4):
        assert add(client, event, days).status_code == 302
    response = add(client, event, 5)
    assert response.status_code == 400
    assert "An event can have at most 5 reminders." in response.content.decode()
    assert event.reminder_rules.count() == ReminderRule.MOST_PER_EVENT


def test_remove_a_rule(client, world, event):
    rule = event.reminder_rules.get(offset=dt.timedelta(days=1))
    response = as_user(client, world.manager).post(remove_url(rule))
    assert response.status_code == 302
    assert offsets(event) == [dt.timedelta(days=7)]
    assert AuditEntry.objects.filter(action="event.reminder_remove").count() == 1


def test_remove_a_rule_of_another_event_is_not_found(client, world, event):
    other = factories.EventFactory(organising_networks=[world.network])
    reminder_rules_create_defaults(event=other)
    rule = other.reminder_rules.first()
    url = reverse("events:manage_reminder_remove", kwargs={"pk": event.pk, "rule_pk": rule.pk})
    assert as_user(client, world.manager).post(url).status_code == 404
    assert other.reminder_rules.count() == 2


def test_get_on_a_write_url_is_not_allowed(client, world, event):
    as_user(client, world.manager)
    url = reverse("events:manage_reminder_add", kwargs={"pk": event.pk})
    assert client.get(url).status_code == 405


def test_page_in_german(client, world, event):
    content = as_user(client, world.manager, language="de").get(page(event)).content.decode()
    assert "<h1>Erinnerungen vor der Veranstaltung</h1>" in content
    assert "7 Tage vor Beginn" in content
    assert "1 Tag vor Beginn" in content

"""The yearly "is this profile still current?": reminder mails, the dashboard, the directory."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import JoinRequest, Organisation, Person
from members.selectors.organisations import months_before
from members.services.organisations import confirmation_reminders_send
from members.tasks import remind_profile_confirmations
from network_portal import celery_app
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.members.self_service_helpers import sign_in_as

pytestmark = pytest.mark.django_db


def confirmed(organisation: Organisation, day: datetime.date | None) -> Organisation:
    Organisation.objects.filter(pk=organisation.pk).update(confirmed_on=day)
    organisation.refresh_from_db()
    return organisation


def reminders() -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(kind="profile-confirm-reminder").order_by("pk"))


# --- The reminder task -------------------------------------------------------------------------


def test_reminder_task_scheduled_daily_by_beat():
    celery_app.loader.import_default_modules()
    entry = celery_app.conf.beat_schedule["remind-profile-confirmations"]
    assert entry["task"] == "members.remind_profile_confirmations"
    assert entry["task"] in celery_app.tasks


def test_reminder_mails_the_admins_when_the_profile_turns_12_months(world):
    today = timezone.localdate()
    confirmed(world.company, months_before(today, 12))
    confirmed(world.chamber, months_before(today, 12) + datetime.timedelta(days=1))
    factories.PersonFactory(organisation=world.chamber, role=Person.Role.ADMIN)
    world.owner.language = "en"
    world.owner.save()

    assert remind_profile_confirmations() == 1

    (mail,) = reminders()
    assert (mail.recipient, mail.language, mail.about) == (
        world.owner.email,
        "en",
        mail_about(world.company),
    )
    assert mail.key == f"profile-confirm:{world.company.pk}:{today.year}:{world.owner.email}"
    assert mail.subject == f"Is the profile of {world.company.name} still current?"
    assert f"http://127.0.0.1:8000{world.company.get_absolute_url()}" in mail.body_text
    assert "no longer appear in the public directory" in mail.body_text


def test_reminder_goes_once_per_year(world):
    today = datetime.date(2026, 3, 10)
    confirmed(world.company, datetime.date(2025, 3, 10))
    assert confirmation_reminders_send(today=today) == 1
    assert confirmation_reminders_send(today=today + datetime.timedelta(days=1)) == 0
    assert confirmation_reminders_send(today=datetime.date(2027, 3, 9)) == 0
    assert confirmation_reminders_send(today=datetime.date(2027, 3, 10)) == 1
    assert [mail.key.split(":")[2] for mail in reminders()] == ["2026", "2027"]


def test_reminder_for_never_confirmed_profiles_once_per_calendar_year(world):
    confirmed(world.company, None)
    world.chamber.delete()
    assert confirmation_reminders_send(today=datetime.date(2026, 5, 1)) == 1
    assert confirmation_reminders_send(today=datetime.date(2026, 12, 31)) == 0
    assert confirmation_reminders_send(today=datetime.date(2027, 1, 1)) == 1


def test_reminder_only_to_active_admins_with_accounts(world):
    confirmed(world.company, datetime.date(2020, 1, 1))
    world.chamber.delete()
    factories.PersonFactory(organisation=world.company, role=Person.Role.ADMIN, is_active=False)
    factories.PersonFactory(
        organisation=world.company, role=Person.Role.ADMIN, user__is_active=False
    )
    second = factories.PersonFactory(organisation=world.company, role=Person.Role.ADMIN).user
    confirmation_reminders_send(today=datetime.date(2026, 6, 1))
    assert {mail.recipient for mail in reminders()} == {world.owner.email, second.email}


def test_no_reminder_after_confirming(world):
    confirmed(world.company, timezone.localdate())
    world.chamber.delete()
    assert remind_profile_confirmations() == 0
    assert reminders() == []


# --- Dashboard ----------------------------------------------------------------------------------


def test_dashboard_shows_admin_what_is_due(client, world):
    JoinRequest.objects.create(organisation=world.company, user=world.outsider)
    sign_in_as(client, world, "owner")
    content = client.get(reverse("dashboard")).content.decode()
    assert "To do for your organisations" in content
    people_url = reverse("members:organisation_people", args=[world.company.slug])
    assert f'<a href="{people_url}">1 request to join is waiting for your decision</a>' in content
    confirm_url = reverse("members:organisation_confirm", args=[world.company.slug])
    assert f'action="{confirm_url}"' in content


def test_dashboard_confirm_comes_back_to_the_dashboard(client, world):
    sign_in_as(client, world, "owner")
    confirm_url = reverse("members:organisation_confirm", args=[world.company.slug])
    response = client.post(confirm_url, {"next": reverse("dashboard")}, follow=True)
    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    content = response.content.decode()
    assert "Thank you. The profile is confirmed as current." in content
    assert "To do for your organisations" not in content


@pytest.mark.parametrize("role", ["colleague", "outsider", "manager"])
def test_dashboard_has_no_admin_tasks_for_others(client, world, role):
    JoinRequest.objects.create(organisation=world.company, user=world.outsider)
    sign_in_as(client, world, role)
    assert "To do for your organisations" not in client.get(reverse("dashboard")).content.decode()


def test_dashboard_offers_to_add_an_organisation_to_users_without_one(client, world):
    sign_in_as(client, world, "outsider")
    content = client.get(reverse("dashboard")).content.decode()
    assert f'href="{reverse("members:organisation_create")}"' in content


# --- The directory keeps hiding stale profiles from the public ----------------------------------


def test_stale_profile_back_in_the_directory_once_confirmed(client, world):
    confirmed(world.company, months_before(timezone.localdate(), 14))
    directory = reverse("members:directory")
    assert world.company.name not in client.get(directory).content.decode()
    sign_in_as(client, world, "owner")
    client.post(reverse("members:organisation_confirm", args=[world.company.slug]))
    client.logout()
    assert world.company.name in client.get(directory).content.decode()


def test_dashboard_confirm_form_carries_the_csrf_token(client, world):
    sign_in_as(client, world, "owner")
    content = client.get(reverse("dashboard")).content.decode()
    block = content.split('id="admin-tasks-heading"')[1]
    assert 'name="csrfmiddlewaretoken"' in block.split("</form>")[0]

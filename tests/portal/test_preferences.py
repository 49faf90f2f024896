"""Mail preferences: the settings page, one-click unsubscribe (link, RFC 8058 POST and the
List-Unsubscribe headers), and the choice honoured when a mail is delivered."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from network_portal import outbox, outbox_delivery, preferences
from network_portal.models import MailPreference, OutgoingMail
from tests import factories
from tests.events.manage_helpers import as_user

pytestmark = pytest.mark.django_db
Status = OutgoingMail.Status


def _invitation_mail(recipient: str, key: str = "invitation:1:test") -> OutgoingMail:
    event = factories.EventFactory(title="Unternehmerfrühstück Bochum")
    return outbox.mail_from_template(
        key=key,
        kind="event-invitation",
        recipient=recipient,
        language="de",
        template="event_invitation",
        context={
            "event": event,
            "name": "Anna",
            "message": "",
            "organisers": "Netzwerk",
            "invitation_url": "http://testserver/x/",
        },
    )


def _token(email: str, category: str = "invitations") -> str:
    preference, _created = MailPreference.objects.get_or_create(email=email)
    return preferences.unsubscribe_token(preference_id=preference.pk, category=category)


def _url(token: str) -> str:
    return reverse("mail_unsubscribe", kwargs={"token": token})


# --- The settings page --------------------------------------------------------------------


def test_settings_page_needs_sign_in(client):
    response = client.get(reverse("mail_preferences"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_settings_page_shows_every_kind_on_by_default(client, world):
    response = as_user(client, world.owner).get(reverse("mail_preferences"))

    assert response.status_code == 200
    for category in ("invitations", "reminders", "digests"):
        assert response.context["form"][category].value() is True
    assert "Invitations to events" in response.text
    assert not MailPreference.objects.exists()


def test_settings_page_saves_the_choice(client, world):
    as_user(client, world.owner)

    response = client.post(reverse("mail_preferences"), {"reminders": "on"}, follow=True)

    preference = MailPreference.objects.get()
    assert preference.email == world.owner.email.lower()
    assert (preference.invitations, preference.reminders, preference.digests) == (
        False,
        True,
        False,
    )
    assert preference.changed_via == MailPreference.Change.PAGE
    assert "Your e-mail settings have been saved." in response.text
    assert response.context["form"]["invitations"].value() is False


@pytest.mark.parametrize(
    ("language", "title", "question"),
    [
        ("de", "E-Mail-Einstellungen", "Diese E-Mails an a***@example.org abbestellen"),
        ("en", "E-mail settings", "Stop these e-mails to a***@example.org"),
    ],
)
def test_pages_in_both_languages(client, world, language, title, question):
    as_user(client, world.owner, language=language)

    settings_page = client.get(reverse("mail_preferences"))
    unsubscribe_page = client.get(_url(_token("anna@example.org")))

    assert f'<html lang="{language}">' in settings_page.text
    assert f"<h1>{title}</h1>" in settings_page.text
    assert f'<html lang="{language}">' in unsubscribe_page.text
    assert question in unsubscribe_page.text


# --- Unsubscribe --------------------------------------------------------------------------


def test_unsubscribe_link_asks_first_and_changes_nothing_on_get(client):
    response = as_user(client).get(_url(_token("anna@example.org")))

    assert response.status_code == 200
    assert "a***@example.org" in response.text
    assert "anna@example.org" not in response.text
    assert "Invitations to events" in response.text
    assert MailPreference.objects.get().invitations is True


def test_unsubscribe_button_then_subscribe_again(client):
    url = _url(_token("anna@example.org"))
    as_user(client)

    done = client.post(url, {"action": "unsubscribe"})
    preference = MailPreference.objects.get()
    assert done.status_code == 200
    assert "no longer receives these e-mails" in done.text
    assert (preference.invitations, preference.changed_via) == (False, "link")
    assert (preference.reminders, preference.digests) == (True, True)

    again = client.post(url, {"action": "subscribe"})
    assert "receives these e-mails again" in again.text
    assert MailPreference.objects.get().invitations is True


def test_one_click_unsubscribe_per_rfc_8058_needs_no_csrf_token():
    mail_program = Client(enforce_csrf_checks=True)
    url = _url(_token("anna@example.org", "digests"))

    response = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    preference = MailPreference.objects.get()
    assert response.status_code == 200
    assert (preference.digests, preference.changed_via) == (False, "one_click")
    assert preference.invitations is True


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps([1, "invitations"], salt="another.salt"),
        signing.dumps([999999, "invitations"], salt="network_portal.unsubscribe"),
        signing.dumps([1, "passwords"], salt="network_portal.unsubscribe"),
        signing.dumps("1", salt="network_portal.unsubscribe"),
    ],
)
def test_forged_unsubscribe_link_is_refused(client, token):
    MailPreference.objects.create(pk=1, email="anna@example.org")
    as_user(client)

    page = client.get(_url(token))
    posted = client.post(_url(token), {"action": "unsubscribe"})

    assert page.status_code == posted.status_code == 400
    assert "This link is not valid." in page.text
    assert MailPreference.objects.get().invitations is True


# --- The outbox ---------------------------------------------------------------------------


def test_optional_mail_carries_link_and_headers_transactional_mail_none(world):
    optional = _invitation_mail("Anna@Example.org")
    transactional = outbox.mail_from_template(
        key="event-cancelled:test",
        kind="event-cancelled",
        recipient="anna@example.org",
        language="de",
        template="event_cancelled",
        context={
            "event": factories.EventFactory(),
            "registration": None,
            "person": world.owner.people.get(),
            "message": "",
        },
    )

    url = optional.headers["List-Unsubscribe"].strip("<>")
    assert preferences.unsubscribe_link_read(url.rstrip("/").split("/")[-1]).preference.email == (
        "anna@example.org"
    )
    assert url in optional.body_html
    assert transactional.headers == {}
    assert "abbestellen" not in transactional.body_html


def test_headers_reach_the_smtp_server(smtp_sink):
    mail = _invitation_mail("anna@example.org")

    assert outbox_delivery.mails_deliver(mail_ids=[mail.pk]).claimed == 1

    message = smtp_sink.wait_for(1)[0]
    assert message["List-Unsubscribe"].strip() == mail.headers["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["X-Portal-Key"] == mail.key


def test_mail_recorded_before_the_opt_out_is_not_sent_after_it(smtp_sink):
    mail = _invitation_mail("anna@example.org")
    url = mail.headers["List-Unsubscribe"].strip("<>").replace("http://127.0.0.1:8000", "")
    Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert outbox_delivery.mails_deliver(mail_ids=[mail.pk]).claimed == 1

    mail.refresh_from_db()
    assert mail.status == Status.SUPPRESSED
    assert mail.last_error == outbox_delivery.SUPPRESSED_REASON
    assert mail.sent_at is None
    assert smtp_sink.messages == []


def test_transactional_mail_goes_out_whatever_the_choice(smtp_sink):
    MailPreference.objects.create(
        email="anna@example.org", invitations=False, reminders=False, digests=False
    )
    mail = outbox.mail_enqueue(
        key="account:anna",
        kind="account",
        recipient="Anna@example.org",
        language="de",
        from_email="portal@example.org",
        subject="Ihr Konto",
        body_text="Hallo",
    )

    outbox_delivery.mails_deliver(mail_ids=[mail.pk])

    mail.refresh_from_db()
    assert mail.status == Status.SENT
    assert len(smtp_sink.wait_for(1)) == 1


def test_other_categories_do_not_suppress(smtp_sink):
    MailPreference.objects.create(email="anna@example.org", reminders=False, digests=False)
    mail = _invitation_mail("anna@example.org")

    outbox_delivery.mails_deliver(mail_ids=[mail.pk])

    mail.refresh_from_db()
    assert mail.status == Status.SENT

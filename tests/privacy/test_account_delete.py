"""Deleting one's account: personal data erased, registrations counted, last admin refused."""

from importlib import import_module

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cooperations.models import DigestSubscription
from events.models import Registration
from members.models import ColleagueInvitation, JoinRequest, NetworkManager, Person, User
from network_portal.models import (
    AnonymisedPerson,
    AuditEntry,
    Consent,
    ConsentPurpose,
    MailPreference,
    OutgoingMail,
)
from network_portal.privacy.anonymise import deleted_person_name
from network_portal.privacy.consent import consent_give
from network_portal.privacy.deletion import PrivacyError, account_delete
from tests import factories
from tests.cooperations.factories import DigestSubscriptionFactory
from tests.factories import PASSWORD
from tests.privacy.helpers import event_ended, signed_in

DELETE = reverse("privacy:account_delete")
DELETED = deleted_person_name()  # "Gelöschte Person" once the German catalogue has it

pytestmark = pytest.mark.django_db


def _mail(recipient: str, subject: str) -> OutgoingMail:
    return OutgoingMail.objects.create(
        key=f"test:{recipient}:{subject}",
        recipient=recipient,
        from_email="portal@example.org",
        subject=subject,
        body_text="Hallo Erika",
        body_html="<p>Hallo Erika</p>",
        status=OutgoingMail.Status.SENT,
    )


def test_account_delete_erases_the_user_and_their_person_records(world):
    user = world.colleague
    person = user.people.get()
    Person.objects.filter(pk=person.pk).update(phone="0231 12345", is_public_contact=True)
    old_email = user.email

    account_delete(user=user)

    user.refresh_from_db()
    person.refresh_from_db()
    assert user.email.endswith("@erased.invalid")
    assert old_email not in user.email
    assert (user.first_name, user.last_name) == (DELETED, "")
    assert not user.is_active
    assert not user.has_usable_password()
    assert (person.first_name, person.last_name, person.email, person.phone) == (
        DELETED,
        "",
        "",
        "",
    )
    assert (person.user, person.is_active, person.is_public_contact) == (None, False, False)
    assert person.anonymisation.reason == AnonymisedPerson.Reason.ACCOUNT_DELETED
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not User.objects.filter(email__iexact=old_email).exists()


def test_account_delete_keeps_past_registrations_as_anonymous_counts(world):
    person = world.colleague.people.get()
    past = event_ended(days_ago=30)
    upcoming = factories.EventFactory(capacity=1)
    kept = factories.RegistrationFactory(event=past, person=person, access_needs="Rampe")
    freed = factories.RegistrationFactory(event=upcoming, person=person)
    waiting = factories.RegistrationFactory(
        event=upcoming, person=factories.PersonFactory(), status=Registration.Status.WAITLISTED
    )

    account_delete(user=world.colleague)

    kept.refresh_from_db()
    freed.refresh_from_db()
    waiting.refresh_from_db()
    assert past.registrations.filter(status=Registration.Status.CONFIRMED).count() == 1
    assert kept.access_needs == ""
    kept.person.refresh_from_db()
    assert kept.person.full_name == DELETED
    assert kept.organisation == world.company
    assert freed.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED


def test_account_delete_removes_consents_requests_invitations_roles_and_keys(world):
    user = world.manager
    person = factories.PersonFactory(user=user, organisation=world.chamber)
    consent_give(purpose=ConsentPurpose.COOPERATION_DIGEST, user=user, about=world.chamber)
    consent_give(purpose=ConsentPurpose.DIRECTORY_LISTING, user=user, person=person, about=person)
    JoinRequest.objects.create(organisation=world.company, user=user, message="Hallo")
    ColleagueInvitation.objects.create(organisation=world.company, email=user.email.upper())
    kept_invitation = ColleagueInvitation.objects.create(
        organisation=world.company, email="jemand@example.org", invited_by=user
    )
    DigestSubscriptionFactory(user=user, organisation=world.chamber)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})

    account_delete(user=user)

    assert not Consent.objects.exists()
    assert not JoinRequest.objects.exists()
    assert list(ColleagueInvitation.objects.all()) == [kept_invitation]
    assert not DigestSubscription.objects.exists()
    assert not NetworkManager.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()


def test_account_delete_erases_mails_and_mail_settings_of_the_user_but_keeps_others(world):
    erased = _mail(world.colleague.email, "Ihre Anmeldung")
    kept = _mail(world.owner.email, "Für die Chefin")
    MailPreference.objects.create(email=world.colleague.email.lower(), reminders=False)
    kept_preference = MailPreference.objects.create(email=world.owner.email.lower())

    account_delete(user=world.colleague)

    assert list(MailPreference.objects.all()) == [kept_preference]

    erased.refresh_from_db()
    kept.refresh_from_db()
    assert erased.recipient.endswith("@erased.invalid")
    assert (erased.body_text, erased.body_html, erased.subject) == ("", "", "Ihre Anmeldung")
    assert kept.recipient == world.owner.email
    assert kept.body_text == "Hallo Erika"


def test_account_delete_is_audited_without_the_name(world):
    name = world.colleague.get_full_name()
    person = world.colleague.people.get()

    account_delete(user=world.colleague)

    entry = AuditEntry.objects.get(action="privacy.account_delete")
    assert entry.object_id == str(world.colleague.pk)
    assert name not in entry.object_repr
    assert entry.details == {"persons": [person.pk]}


def test_last_admin_with_colleagues_is_refused(world):
    with pytest.raises(PrivacyError) as refused:
        account_delete(user=world.owner)

    with translation.override("de"):
        assert str(refused.value.message) == gettext(
            "You are the last admin of %(organisations)s. Make a colleague admin first, "
            "then delete your account."
        ) % {"organisations": "Hesterberg Testwerk GmbH"}

    world.owner.refresh_from_db()
    assert world.owner.is_active
    assert world.owner.people.get().first_name != DELETED


def test_last_admin_may_delete_once_a_colleague_is_admin(world):
    Person.objects.filter(user=world.colleague).update(role=Person.Role.ADMIN)

    account_delete(user=world.owner)

    world.owner.refresh_from_db()
    assert not world.owner.is_active
    assert Person.objects.get(user=world.colleague).role == Person.Role.ADMIN


def test_sole_person_of_an_organisation_may_delete_and_the_organisation_stays(world):
    alone = factories.PersonFactory(role=Person.Role.ADMIN)
    organisation = alone.organisation

    account_delete(user=alone.user)

    organisation.refresh_from_db()
    assert organisation.name.startswith("Muster Maschinenbau")
    assert organisation.people.get().first_name == DELETED


def test_platform_admin_cannot_delete_their_account_here(world):
    with pytest.raises(PrivacyError) as refused:
        account_delete(user=world.platform_admin)

    with translation.override("de"):
        assert str(refused.value.message) == gettext(
            "Platform admins cannot delete their own account here; another platform "
            "admin removes it in the administration."
        )
    world.platform_admin.refresh_from_db()
    assert world.platform_admin.is_active


# --- The page --------------------------------------------------------------------------


def test_delete_page_asks_for_the_password(client, world):
    response = signed_in(client, world.colleague).get(DELETE)

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_delete_with_wrong_password_changes_nothing(client, world):
    response = signed_in(client, world.colleague).post(DELETE, {"password": "falsch"})

    assert response.status_code == 400
    with translation.override("de"):
        assert gettext("The password is not correct.") in response.content.decode()
    world.colleague.refresh_from_db()
    assert world.colleague.is_active


def test_delete_with_password_signs_out_everywhere(world):
    here, elsewhere = Client(), Client()
    here.force_login(world.colleague)
    elsewhere.force_login(world.colleague)
    other_session = elsewhere.session.session_key

    response = here.post(DELETE, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain == [(reverse("home"), 302)]
    assert not Session.objects.filter(session_key=other_session).exists()
    assert import_module(settings.SESSION_ENGINE).SessionStore(other_session).load() == {}
    signed_in_sessions = [
        s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) is not None
    ]
    assert signed_in_sessions == []
    assert elsewhere.get(reverse("privacy:my_data")).status_code == 302
    assert here.get(reverse("privacy:my_data")).status_code == 302
    world.colleague.refresh_from_db()
    assert not world.colleague.is_active


def test_delete_page_of_the_last_admin_names_the_organisation_and_refuses(client, world):
    client = signed_in(client, world.owner)

    page = client.get(DELETE).content.decode()
    response = client.post(DELETE, {"password": PASSWORD})

    assert "Hesterberg Testwerk GmbH" in page
    assert reverse("members:organisation_people", args=[world.company.slug]) in page
    assert response.status_code == 400
    world.owner.refresh_from_db()
    assert world.owner.is_active


def test_delete_page_asks_anonymous_visitors_to_sign_in(client):
    assert client.get(DELETE).status_code == 302
    assert client.post(DELETE, {"password": PASSWORD}).status_code == 302

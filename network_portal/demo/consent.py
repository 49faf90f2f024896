"""Demo consent ledger: version 1 of every consent text, and the consents behind the demo
registrations and digest subscriptions of people with an account. Safe to run again."""

from django.apps import apps

from events.models import Registration
from network_portal.demo.rows import SeedReport, row_create_once
from network_portal.models import ConsentPurpose, ConsentText
from network_portal.privacy.consent import consent_give, has_consent
from network_portal.privacy.consent_texts import FIRST_TEXTS


def consents_seed(*, report: SeedReport) -> None:
    for purpose, (text_de, text_en) in FIRST_TEXTS.items():
        row_create_once(
            model=ConsentText,
            lookup={"purpose": purpose, "version": 1},
            values={"text_de": text_de, "text_en": text_en},
            report=report,
        )
    _registration_consents_seed(report=report)
    _digest_consents_seed(report=report)


def _registration_consents_seed(*, report: SeedReport) -> None:
    registrations = Registration.objects.filter(person__user__isnull=False).exclude(
        status=Registration.Status.CANCELLED
    )
    for registration in registrations.select_related("person__user", "event"):
        _give_once(
            report=report,
            purpose=ConsentPurpose.EVENT_REGISTRATION,
            user=registration.registered_by or registration.person.user,
            person=registration.person,
            about=registration.event,
        )


def _digest_consents_seed(*, report: SeedReport) -> None:
    if not apps.is_installed("cooperations"):
        return
    from cooperations.models import DigestSubscription  # noqa: PLC0415

    for subscription in DigestSubscription.objects.select_related("user", "organisation"):
        _give_once(
            report=report,
            purpose=ConsentPurpose.COOPERATION_DIGEST,
            user=subscription.user,
            about=subscription.organisation,
        )


def _give_once(*, report: SeedReport, purpose: str, user, about, person=None) -> None:
    if has_consent(purpose=purpose, user=user, person=person, about=about):
        return
    consent_give(purpose=purpose, user=user, person=person, about=about)
    report.created += 1

"""The consent ledger's services: publish a text version, give, withdraw, ask.

Other apps record consent where a person agrees (registering for an event, opting in to
the digest, being shown as a contact) with ``consent_give`` and record the end of it with
``consent_withdraw``; both only write the ledger and are idempotent. Withdrawing on
"My data" (``consent_withdraw_and_stop`` in ``withdrawal``) also stops the processing.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from members.models import Person, User
from network_portal.models import Consent, ConsentPurpose, ConsentText
from network_portal.privacy.consent_texts import FIRST_TEXTS


def current_text(purpose: str, *, now: datetime.datetime | None = None) -> ConsentText:
    """The newest version already valid for ``purpose``; version 1 is published when there
    is none yet."""
    _check_purpose(purpose)
    now = now or timezone.now()
    text = (
        ConsentText.objects.filter(purpose=purpose, valid_from__lte=now)
        .order_by("-version")
        .first()
    )
    return text or _first_text(purpose)


def _first_text(purpose: str) -> ConsentText:
    text_de, text_en = FIRST_TEXTS[purpose]
    try:
        with transaction.atomic():
            text, _created = ConsentText.objects.get_or_create(
                purpose=purpose, version=1, defaults={"text_de": text_de, "text_en": text_en}
            )
    except IntegrityError:  # published by a concurrent request a moment ago
        text = ConsentText.objects.get(purpose=purpose, version=1)
    return text


@transaction.atomic
def consent_text_publish(
    *, purpose: str, text_de: str, text_en: str, valid_from: datetime.datetime | None = None
) -> ConsentText:
    """A new version of the text for ``purpose``; earlier consents keep their version."""
    _check_purpose(purpose)
    latest = ConsentText.objects.filter(purpose=purpose).aggregate(latest=Max("version"))
    return ConsentText.objects.create(
        purpose=purpose,
        version=(latest["latest"] or 0) + 1,
        text_de=text_de,
        text_en=text_en,
        valid_from=valid_from or timezone.now(),
    )


def consent_give(
    *,
    purpose: str,
    user: User | None = None,
    person: Person | None = None,
    about: models.Model | None = None,
) -> Consent:
    """Record that ``user`` (who agreed) / ``person`` (whose data) agreed to the current
    text for ``purpose``, optionally ``about`` an object (the event, the organisation).

    Giving the same consent again returns the open one while the text is unchanged
    (``consent_record`` decides; this reads back what it left).
    """
    consent_record(purpose=purpose, user=user, person=person, about=about)
    text = current_text(purpose)
    existing = consents_open(purpose=purpose, user=user, person=person, about=about)
    return existing.filter(text=text, user=user, person=person).first()


def consent_record(
    *,
    purpose: str,
    user: User | None = None,
    person: Person | None = None,
    about: models.Model | None = None,
) -> None:
    """Record consent to the current text unless the same consent is open already: one
    statement, for the hot path (every event registration), in the caller's transaction
    (no savepoint). When no text is published yet, the first is, and it is tried again.
    Giving the same consent twice at the same moment can record it twice, which changes
    nothing of what it says.
    """
    _check_purpose(purpose)
    _check_subject(user=user, person=person)
    about_type, about_id = _about_key(about)
    subject = [purpose, user and user.pk, person and person.pk, about_type and about_type.pk]
    if not _record(purpose, subject, about_id) and not _text_exists(purpose):
        current_text(purpose)  # publishes version 1
        _record(purpose, subject, about_id)


def _record(purpose: str, subject: list, about_id: int | None) -> int:
    """Rows inserted by ``_RECORD_SQL``: 1, or 0 (the same is open, or no text)."""
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_RECORD_SQL, [*subject, about_id, now, purpose, now, *subject, about_id])
        return cursor.rowcount


def _text_exists(purpose: str) -> bool:
    return ConsentText.objects.filter(purpose=purpose, valid_from__lte=timezone.now()).exists()


# The current text (the newest version already valid), unless an open consent of the same
# subject, object and text exists. ``IS NOT DISTINCT FROM``: NULL matches NULL.
_RECORD_SQL = f"""
    INSERT INTO {Consent._meta.db_table}
        (purpose, user_id, person_id, about_type_id, about_id, given_at, text_id)
    SELECT %s, %s, %s, %s, %s, %s, current.id
    FROM (
        SELECT id FROM {ConsentText._meta.db_table}
        WHERE purpose = %s AND valid_from <= %s ORDER BY version DESC LIMIT 1
    ) current
    WHERE NOT EXISTS (
        SELECT 1 FROM {Consent._meta.db_table} same
        WHERE same.withdrawn_at IS NULL
          AND same.purpose = %s
          AND same.user_id IS NOT DISTINCT FROM %s
          AND same.person_id IS NOT DISTINCT FROM %s
          AND same.about_type_id IS NOT DISTINCT FROM %s
          AND same.about_id IS NOT DISTINCT FROM %s
          AND same.text_id = current.id
    )
"""  # noqa: S608  # nosec B608 - table names from the models, values as parameters


@transaction.atomic
def consent_withdraw(
    *,
    purpose: str,
    user: User | None = None,
    person: Person | None = None,
    about: models.Model | None = None,
) -> int:
    """Mark the open consents for exactly this purpose, subject and object as withdrawn.

    Returns how many there were; withdrawing twice changes nothing the second time.
    """
    _check_subject(user=user, person=person)
    return consents_open(purpose=purpose, user=user, person=person, about=about).update(
        withdrawn_at=timezone.now()
    )


def has_consent(
    *,
    purpose: str,
    user: User | None = None,
    person: Person | None = None,
    about: models.Model | None = None,
) -> bool:
    return consents_open(purpose=purpose, user=user, person=person, about=about).exists()


def consents_open(
    *,
    purpose: str,
    user: User | None = None,
    person: Person | None = None,
    about: models.Model | None = None,
) -> QuerySet[Consent]:
    """Open consents for ``purpose`` about ``about`` (``None``: about no object), given by
    ``user`` and/or concerning ``person``; an argument left out matches any."""
    _check_purpose(purpose)
    about_type, about_id = _about_key(about)
    consents = Consent.objects.filter(
        purpose=purpose, withdrawn_at__isnull=True, about_type=about_type, about_id=about_id
    )
    if user is not None:
        consents = consents.filter(user=user)
    if person is not None:
        consents = consents.filter(person=person)
    return consents


def consents_of(user: User) -> QuerySet[Consent]:
    """Every consent the user gave or that concerns one of their person records."""
    return Consent.objects.filter(Q(user=user) | Q(person__user=user))


def _about_key(about: models.Model | None) -> tuple[ContentType | None, int | None]:
    if about is None:
        return None, None
    return ContentType.objects.get_for_model(about), about.pk


def _check_purpose(purpose: str) -> None:
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"Unknown consent purpose {purpose!r}.")


def _check_subject(*, user: User | None, person: Person | None) -> None:
    if user is None and person is None:
        raise ValueError("A consent needs the user who agreed or the person it is about.")

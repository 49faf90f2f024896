"""Platform admins publish consent texts in the admin; consents stay read-only."""

import pytest
from django.urls import reverse

from network_portal.models import ConsentPurpose, ConsentText
from network_portal.privacy.consent import consent_give, current_text
from tests.privacy.helpers import signed_in

pytestmark = pytest.mark.django_db


def test_admin_publishes_a_new_text_version(client, world):
    current_text(ConsentPurpose.COOPERATION_DIGEST)
    client = signed_in(client, world.platform_admin)
    url = reverse("admin:network_portal_consenttext_add")
    data = {
        "purpose": ConsentPurpose.COOPERATION_DIGEST,
        "text_de": "Neue Fassung",
        "text_en": "New wording",
        "valid_from_0": "01.01.2020",
        "valid_from_1": "00:00:00",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    newest = ConsentText.objects.filter(purpose=ConsentPurpose.COOPERATION_DIGEST).first()
    assert (newest.version, newest.text_de) == (2, "Neue Fassung")
    assert current_text(ConsentPurpose.COOPERATION_DIGEST) == newest


def test_published_text_and_consents_cannot_be_changed(client, world):
    consent = consent_give(purpose=ConsentPurpose.COOPERATION_DIGEST, user=world.owner)
    client = signed_in(client, world.platform_admin)

    text_page = client.get(
        reverse("admin:network_portal_consenttext_change", args=[consent.text.pk])
    )
    consent_page = client.get(reverse("admin:network_portal_consent_change", args=[consent.pk]))
    listing = client.get(reverse("admin:network_portal_consent_changelist"))

    assert text_page.status_code == consent_page.status_code == listing.status_code == 200
    assert 'name="_save"' not in text_page.content.decode()
    assert 'name="_save"' not in consent_page.content.decode()
    text_post = client.post(
        reverse("admin:network_portal_consenttext_change", args=[consent.text.pk]),
        {"purpose": consent.purpose, "text_de": "geändert", "text_en": "changed"},
    )
    assert text_post.status_code == 403
    consent.text.refresh_from_db()
    assert consent.text.text_de != "geändert"


def test_anonymised_persons_admin_lists_the_reason(client, world):
    response = signed_in(client, world.platform_admin).get(
        reverse("admin:network_portal_anonymisedperson_changelist")
    )

    assert response.status_code == 200

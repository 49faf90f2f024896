"""The admin pages of the events app load for a platform admin, with inlines and search."""

import pytest
from django.urls import reverse

from events.models import Registration
from tests import factories

pytestmark = pytest.mark.django_db

MODELS = ["eventseries", "event", "session", "eventperson", "registration"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_loads_with_search(client, world, event, model):
    factories.RegistrationFactory(event=event)
    client.force_login(world.platform_admin)
    response = client.get(reverse(f"admin:events_{model}_changelist"), {"q": "Wirtschaft"})
    assert response.status_code == 200


def test_admin_event_change_page_shows_sessions_and_people(client, world, event):
    factories.WorkshopFactory(event=event, title="Lean im Mittelstand")
    factories.EventPersonFactory(event=event, name="Dr. Erika Musterfrau")
    client.force_login(world.platform_admin)
    response = client.get(reverse("admin:events_event_change", args=[event.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Lean im Mittelstand" in content
    assert "Dr. Erika Musterfrau" in content


def test_admin_cannot_add_registrations_past_the_rules(client, world):
    client.force_login(world.platform_admin)
    response = client.get(reverse("admin:events_registration_add"))
    assert response.status_code == 403
    assert not Registration.objects.exists()

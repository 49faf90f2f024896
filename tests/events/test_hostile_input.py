"""Regressions found by the fuzz tests (tests/security/test_fuzz_inputs.py): events pages."""

import pytest
from django.urls import reverse

from events.models import Registration
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_value", ["0", "' OR 1=1 --", "events:list"])
@pytest.mark.parametrize("action", ["manage_move_up", "manage_cancel_registration"])
def test_a_next_that_is_no_path_leads_back_to_the_manager_page(
    client, world, event, action, next_value
):
    """``redirect("0")`` looked for a view named "0": a 500 after the change was saved."""
    factories.RegistrationFactory(event=event)
    factories.RegistrationFactory(event=event)
    waiting = factories.RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    client.force_login(world.manager)
    url = reverse(f"events:{action}", kwargs={"pk": waiting.pk})

    response = client.post(url, {"next": next_value})

    assert response.status_code == 302
    assert response["Location"] == reverse("events:manage_event", kwargs={"pk": event.pk})
    expected = "cancelled" if action == "manage_cancel_registration" else "waitlisted"
    assert Registration.objects.get(pk=waiting.pk).status == expected

"""Regressions found by the fuzz tests (tests/security/test_fuzz_inputs.py): members pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_value", ["0", "' OR 1=1 --", "dashboard", "https://evil.example/"])
def test_confirming_a_profile_with_a_next_that_is_no_path_goes_to_the_profile(
    client, world, next_value
):
    """``redirect("0")`` looked for a view named "0": a 500 after the profile was confirmed."""
    client.force_login(world.owner)
    url = reverse("members:organisation_confirm", args=[world.company.slug])

    response = client.post(url, {"next": next_value})

    assert response.status_code == 302
    assert response["Location"] == world.company.get_absolute_url()
    confirmed_on = Organisation.objects.get(pk=world.company.pk).confirmed_on
    assert confirmed_on == timezone.localdate()


def test_confirming_a_profile_still_goes_back_to_the_page_it_came_from(client, world):
    client.force_login(world.owner)
    url = reverse("members:organisation_confirm", args=[world.company.slug])

    response = client.post(url, {"next": reverse("dashboard")})

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")

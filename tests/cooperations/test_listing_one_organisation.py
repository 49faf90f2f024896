"""A person acting for one organisation posts a listing with the page's own hidden field.

Found by the fuzz tests' crawl: the create page sent the organisation as a hidden field
without a value, so publishing from the browser failed with "This field is required."
"""

import re

import pytest
from django.urls import reverse

from cooperations.models import Listing
from tests.cooperations.test_listing_forms import form_data

pytestmark = pytest.mark.django_db

CREATE = reverse("cooperations:listing_create")


def hidden_organisation(page: str) -> str:
    return re.search(r'<input type="hidden" name="organisation" value="([^"]*)"', page).group(1)


def test_the_create_page_fills_in_the_only_organisation(client, world, topics):
    client.force_login(world.colleague)

    page = client.get(CREATE).content.decode()

    assert hidden_organisation(page) == str(world.company.pk)


def test_posting_what_the_page_sends_creates_the_listing(client, world, topics):
    client.force_login(world.colleague)
    page = client.get(CREATE).content.decode()

    response = client.post(CREATE, form_data(world, topics, organisation=hidden_organisation(page)))

    listing = Listing.objects.get()
    assert response.status_code == 302
    assert listing.organisation == world.company

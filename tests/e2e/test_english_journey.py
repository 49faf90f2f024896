"""The whole sign-up journey in English: the representative and the manager choose English
in the footer's language switcher; pages, mails and the account's language follow."""

import pytest

from members.models import User
from tests.e2e.test_company_joins_network_journey import company_joins_a_network

pytestmark = pytest.mark.usefixtures("demo_world")

EMAIL = "lena.vogelsang@vogelsang-precision.example"


def test_representative_joins_a_network_in_english(journey, outbox):
    company_joins_a_network(journey, outbox, email=EMAIL, language="en")

    assert journey.page.evaluate("document.documentElement.lang") == "en"
    assert User.objects.get(email=EMAIL).language == "en"
    assert set(outbox.objects.filter(recipient=EMAIL).values_list("language", flat=True)) == {"en"}

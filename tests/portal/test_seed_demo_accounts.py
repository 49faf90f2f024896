"""``seed_demo``: each demo account signs in and sees the navigation of its role."""

import pytest
from django.urls import reverse

from members.models import User
from tests.portal.test_seed_demo import DEMO_EMAILS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("email", DEMO_EMAILS)
def test_seed_demo_account_signs_in_with_the_demo_password(demo, client, email):
    response = client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert client.session["_auth_user_id"] == str(User.objects.get(email=email).pk)
    assert client.get(reverse("dashboard")).status_code == 200


ROLE_NAVIGATION = {
    "admin@demo.example": ["Mein Bereich", "Netzwerkverwaltung", "Administration"],
    "manager@demo.example": ["Mein Bereich", "EN-Agentur", "Netzwerkverwaltung"],
    "firma@demo.example": ["Mein Bereich", "F. Hesterberg &amp; Söhne"],
    "kollegin@demo.example": ["Mein Bereich", "F. Hesterberg &amp; Söhne"],
    "partner@demo.example": ["Mein Bereich", "SIHK zu Hagen"],
}


def _main_navigation(content: str) -> str:
    start = content.index('<nav class="main-nav"')
    return content[start : content.index("</nav>", start)]


@pytest.mark.parametrize(("email", "expected"), ROLE_NAVIGATION.items())
def test_seed_demo_account_sees_navigation_of_its_role(demo, client, email, expected):
    client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})

    navigation = _main_navigation(client.get(reverse("dashboard")).content.decode())

    assert [label in navigation for label in expected] == [True] * len(expected)
    managing = email in {"manager@demo.example", "admin@demo.example"}
    assert ("Netzwerkverwaltung" in navigation) == managing
    assert ("Administration" in navigation) == (email == "admin@demo.example")

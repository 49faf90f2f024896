import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_is_german_by_default(client, world):
    response = client.get(reverse("home"), headers={"accept-language": "en"})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    content = response.content.decode()
    assert '<html lang="de">' in content
    assert "In|Die RegionRuhr" in content
    assert 'href="#main"' in content

"""``seed_demo``: recent joins stay recent, so the managers' charts have data."""

import datetime

import pytest
from django.utils import timezone

from members.models import Membership

pytestmark = pytest.mark.django_db


def test_seed_demo_has_joins_within_the_last_twelve_months(demo):
    today = timezone.localdate()
    recent = Membership.objects.filter(
        status=Membership.Status.ACTIVE,
        started_on__gt=today - datetime.timedelta(days=365),
        started_on__lte=today,
    )

    assert recent.count() >= 5
    assert recent.values("network").distinct().count() >= 2
    assert not Membership.objects.filter(started_on__gt=today).exists()

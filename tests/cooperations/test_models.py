"""The data model's backstops: constraints in the database, checks in ``clean``; the admin."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from cooperations.models import (
    DigestSubscription,
    Funding,
    Interest,
    Introduction,
    Listing,
    Milestone,
    Project,
    ProjectNetwork,
    Topic,
)
from tests.cooperations.factories import (
    FundingFactory,
    InterestFactory,
    IntroductionFactory,
    ListingFactory,
    MilestoneFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)

pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_funding_amount_is_never_negative():
    assert refused(lambda: FundingFactory(amount=Decimal("-0.01")))
    assert FundingFactory(amount=Decimal("26550.00")).amount == Decimal("26550.00")


def test_funding_amount_has_two_decimals():
    funding = FundingFactory.build(project=ProjectFactory(), amount=Decimal("10.005"))

    with pytest.raises(ValidationError) as error:
        funding.full_clean()

    assert "amount" in error.value.message_dict


def test_milestone_outside_the_project_period_is_refused():
    project = ProjectFactory(starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31))

    for day in (dt.date(2025, 12, 31), dt.date(2027, 1, 1)):
        with pytest.raises(ValidationError) as error:
            Milestone(project=project, title="Abschluss", due_on=day).full_clean()
        assert list(error.value.message_dict) == ["due_on"]
    Milestone(project=project, title="Abschluss", due_on=dt.date(2026, 12, 31)).full_clean()


def test_milestone_done_needs_a_date_and_only_then():
    assert refused(lambda: MilestoneFactory(done=True, done_on=None))
    assert refused(lambda: MilestoneFactory(done=False, done_on=dt.date(2026, 1, 1)))


def test_project_and_funding_end_not_before_start():
    assert refused(
        lambda: ProjectFactory(starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 4, 30))
    )
    assert refused(
        lambda: FundingFactory(starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 4, 30))
    )


def test_one_open_interest_per_listing_and_organisation():
    interest = InterestFactory()

    assert refused(
        lambda: InterestFactory(listing=interest.listing, organisation=interest.organisation)
    )
    Interest.objects.filter(pk=interest.pk).update(
        status="declined", decided_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    InterestFactory(listing=interest.listing, organisation=interest.organisation)


def test_decided_interest_needs_its_date():
    assert refused(lambda: InterestFactory(status="accepted"))


def test_introduction_needs_two_different_organisations_who_both_accept():
    introduction = IntroductionFactory()

    assert refused(
        lambda: IntroductionFactory(
            first_organisation=introduction.first_organisation,
            second_organisation=introduction.first_organisation,
        )
    )
    assert refused(
        lambda: Introduction.objects.filter(pk=introduction.pk).update(status="accepted")
    )


def test_listing_states_need_their_dates():
    assert refused(lambda: ListingFactory(status="published", published_at=None))
    assert refused(lambda: ListingFactory(status="closed", closed_at=None))


def test_listing_partner_kinds_must_be_organisation_kinds():
    listing = ListingFactory.build(partner_kinds=["company", "pirate"])

    with pytest.raises(ValidationError) as error:
        listing.clean()

    assert list(error.value.message_dict) == ["partner_kinds"]


def test_one_partner_role_per_project_and_organisation():
    partner = ProjectPartnerFactory()

    assert refused(
        lambda: ProjectPartnerFactory(project=partner.project, organisation=partner.organisation)
    )


ADMIN_MODELS = [
    Topic,
    Listing,
    Interest,
    Introduction,
    Project,
    Funding,
    Milestone,
    DigestSubscription,
]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_lists_and_adds(client, world, model):
    ListingFactory()
    client.force_login(world.platform_admin)
    name = model._meta.model_name

    changelist = client.get(reverse(f"admin:cooperations_{name}_changelist"), {"q": "x"})
    add = client.get(reverse(f"admin:cooperations_{name}_add"))

    assert (changelist.status_code, add.status_code) == (200, 200)


def test_admin_edits_a_project_with_its_inlines(client, world):
    project = ProjectFactory()
    ProjectPartnerFactory(project=project)
    ProjectNetwork.objects.create(project=project, network=world.network)
    client.force_login(world.platform_admin)

    response = client.get(reverse("admin:cooperations_project_change", args=[project.pk]))

    assert response.status_code == 200
    assert project.partners.get().organisation.name in response.text

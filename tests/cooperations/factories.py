"""One factory per cooperations model (pretalx habit)."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from cooperations.models import (
    DigestSubscription,
    Funding,
    Interest,
    Introduction,
    Listing,
    Milestone,
    Project,
    ProjectNetwork,
    ProjectPartner,
    Topic,
)
from cooperations.models.taxonomy import STANDARD_TOPICS
from tests import factories


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


def standard_topics() -> dict[str, Topic]:
    """The eight standard topics (the data migration's, which tests do not run)."""
    return {
        slug: TopicFactory(slug=slug, name=name, name_en=name_en)
        for slug, name, name_en in STANDARD_TOPICS
    }


class ListingFactory(factory.django.DjangoModelFactory):
    """A public offer, published yesterday, valid for a year; ``topics=[...]`` to set them."""

    class Meta:
        model = Listing
        skip_postgeneration_save = True

    organisation = factory.SubFactory(factories.OrganisationFactory)
    kind = Listing.Kind.OFFER
    title = factory.Sequence(lambda n: f"Lohnfertigung Angebot {n}")
    summary = "Freie Kapazitäten für Kleinserien."
    description = "Wir fertigen nach Zeichnung."
    visibility = Listing.Visibility.PUBLIC
    status = Listing.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=365))

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def shared_networks(self, create, extracted, **kwargs):
        if create and extracted:
            self.shared_networks.set(extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class DraftListingFactory(ListingFactory):
    status = Listing.Status.DRAFT
    published_at = None


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    listing = factory.SubFactory(ListingFactory)
    organisation = factory.SubFactory(factories.OrganisationFactory)
    user = factory.SubFactory(factories.UserFactory)
    message = "Wir hätten Interesse und würden uns gern austauschen."


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    broker_organisation = factory.SubFactory(
        factories.OrganisationFactory, kind="ihk", name=factory.Sequence(lambda n: f"IHK {n}")
    )
    broker = factory.SubFactory(factories.UserFactory)
    first_organisation = factory.SubFactory(factories.OrganisationFactory)
    second_organisation = factory.SubFactory(factories.OrganisationFactory)
    message = "Sie sollten sich kennenlernen."


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Kooperationsprojekt {n}")
    slug = factory.Sequence(lambda n: f"kooperationsprojekt-{n}")
    topic = factory.SubFactory(TopicFactory)
    lead_organisation = factory.SubFactory(factories.OrganisationFactory)
    status = Project.Status.PLANNING


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(factories.OrganisationFactory)


class ProjectNetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectNetwork

    project = factory.SubFactory(ProjectFactory)
    network = factory.SubFactory(factories.NetworkFactory)


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    project = factory.SubFactory(ProjectFactory)
    programme = "Regionales Entwicklungskonzept"
    funder = "Wirtschaftsministerium NRW"
    amount = Decimal("26550.00")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Meilenstein {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))


class DigestSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigestSubscription

    organisation = factory.SubFactory(factories.OrganisationFactory)
    user = factory.SubFactory(factories.UserFactory)

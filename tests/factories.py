"""One factory per model (pretalx habit). Persons and e-mails are fictional."""

import factory
from django.utils.text import slugify

from members.models import (
    Membership,
    Network,
    NetworkManager,
    Organisation,
    Person,
    Region,
    Sector,
    TrainingOccupation,
    User,
)

PASSWORD = "test-password-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Users are created with a verified primary e-mail unless ``verified=False``."""
        if create:
            self.save()
            if extracted is not False:
                from allauth.account.models import EmailAddress  # noqa: PLC0415

                EmailAddress.objects.create(
                    user=self, email=self.email, verified=True, primary=True
                )


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    state = "Nordrhein-Westfalen"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Branche {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class TrainingOccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingOccupation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Ausbildungsberuf {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Network.Kind.INITIATIVE


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Muster Maschinenbau {n} GmbH")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.COMPANY
    city = "Bochum"
    region = factory.SubFactory(RegionFactory, name="Bochum")
    visibility = Organisation.Visibility.PUBLIC


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Person.Role.STAFF
    first_name = factory.LazyAttribute(lambda o: o.user.first_name if o.user else "Erika")
    last_name = factory.LazyAttribute(lambda o: o.user.last_name if o.user else "Muster")
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "kontakt@example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    network = factory.SubFactory(NetworkFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE


class NetworkManagerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkManager

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)


# --- events ----------------------------------------------------------------------------

import datetime as _dt  # noqa: E402

from django.utils import timezone as _tz  # noqa: E402

from events.models import (  # noqa: E402
    Event,
    EventPerson,
    EventSeries,
    Registration,
    Session,
    WorkshopChoice,
)


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries
        django_get_or_create = ["name"]

    name = "Wirtschaft trifft Wirtschaft"


class EventFactory(factory.django.DjangoModelFactory):
    """A published on-site event in two weeks, 17:30 to 20:00 Berlin time, 30 seats.

    Open to all organisations, so any person may register; audience tests pass
    ``open_to_all=False`` (the model's default) and the networks.
    """

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Unternehmerfrühstück {n}")
    status = Event.Status.PUBLISHED
    format = Event.Format.ON_SITE
    venue = "Technologiezentrum Ruhr"
    address = "Universitätsstraße 142, 44799 Bochum"
    starts_at = factory.LazyFunction(
        lambda: (_tz.now() + _dt.timedelta(days=14)).replace(
            hour=16, minute=30, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + _dt.timedelta(hours=2, minutes=30))
    capacity = 30
    open_to_all = True

    @factory.post_generation
    def organising_networks(self, create, extracted, **kwargs):
        if create and extracted:
            self.organising_networks.set(extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Programmpunkt {n}")
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + _dt.timedelta(hours=1))


class WorkshopFactory(SessionFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    is_workshop = True
    capacity = 10
    slot = "Slot A"


class EventPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventPerson

    event = factory.SubFactory(EventFactory)
    role = EventPerson.Role.SPEAKER
    name = "Dr. Erika Musterfrau"
    function = "Geschäftsführerin"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A row only; tests of the rules go through ``events.services``."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.LazyAttribute(lambda o: o.person.organisation)
    registered_by = factory.LazyAttribute(lambda o: o.person.user)
    status = Registration.Status.CONFIRMED
    consent_at = factory.LazyFunction(_tz.now)


class WorkshopChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkshopChoice

    registration = factory.SubFactory(RegistrationFactory)
    session = factory.SubFactory(WorkshopFactory)
    status = WorkshopChoice.Status.CONFIRMED

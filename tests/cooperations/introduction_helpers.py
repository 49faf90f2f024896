"""The pair of the introduction tests: ``world.company`` and ``viewers.other_company``,
each with an admin whose phone stays secret until both sides accepted; ``world.partner``
(of ``world.chamber``) brokers.
"""

from dataclasses import dataclass

from cooperations.models import Introduction
from members.models import Organisation, Person, User
from tests import factories
from tests.cooperations.factories import IntroductionFactory

FIRST_PHONE = "0231 4440-01"
SECOND_PHONE = "0231 8880-02"


@dataclass
class Pair:
    first: Organisation  # world.company, admin world.owner
    second: Organisation  # viewers.other_company
    second_admin: User


def introduction_pair(world, viewers) -> Pair:
    second_admin = factories.PersonFactory(
        organisation=viewers.other_company, role=Person.Role.ADMIN, phone=SECOND_PHONE
    ).user
    Person.objects.filter(user=world.owner).update(phone=FIRST_PHONE)
    return Pair(first=world.company, second=viewers.other_company, second_admin=second_admin)


def introduction_of(world, pair, **values) -> Introduction:
    return IntroductionFactory(
        broker=world.partner,
        broker_organisation=world.chamber,
        first_organisation=pair.first,
        second_organisation=pair.second,
        **values,
    )

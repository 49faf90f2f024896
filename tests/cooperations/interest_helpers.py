"""The scene of the interest tests: a listing of ``world.company`` and an interested
company of the same network, with phones and mail addresses to keep secret until acceptance.
"""

from dataclasses import dataclass

from django.urls import reverse

from cooperations.models import Listing
from members.models import Person, User
from tests import factories
from tests.cooperations.factories import ListingFactory

OWNER_PHONE = "0234 5550-11"
SENDER_PHONE = "0234 7770-22"
COMPANY_MAIL = "zentrale@hesterberg-testwerk.example"


@dataclass
class Scene:
    listing: Listing
    sender: User  # staff of the interested company (a member of the same network)
    sender_admin: User  # admin of the interested company


def interest_scene(world, viewers, topics) -> Scene:
    Person.objects.filter(user=world.owner).update(phone=OWNER_PHONE)
    Person.objects.filter(user=viewers.network_member).update(phone=SENDER_PHONE)
    world.company.email = COMPANY_MAIL
    world.company.save(update_fields=["email"])
    sender_admin = factories.PersonFactory(
        organisation=viewers.other_company, role=Person.Role.ADMIN
    ).user
    listing = ListingFactory(
        organisation=world.company,
        title="Verbundausbildung Industriemechanik",
        topics=[topics["aus-weiterbildung"]],
        created_by=world.colleague,
    )
    return Scene(listing=listing, sender=viewers.network_member, sender_admin=sender_admin)


def send(client, user, listing, message="Wir bilden selbst aus und suchen Partner."):
    client.force_login(user)
    return client.post(
        reverse("cooperations:interest_create", args=[listing.pk]), {"message": message}
    )


def interest_page(client, user, interest):
    client.force_login(user)
    return client.get(reverse("cooperations:interest", args=[interest.pk]))

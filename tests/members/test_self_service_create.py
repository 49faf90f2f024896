"""Creating an organisation, and asking to act for an existing one (join requests)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import JoinRequest, Organisation, Person
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.members.self_service_helpers import profile_data, sign_in_as, upload

pytestmark = pytest.mark.django_db
CREATE_URL = "/organisationen/neu/"


def join_url(organisation: Organisation) -> str:
    return reverse("members:organisation_join", args=[organisation.slug])


# --- Creating ----------------------------------------------------------------------------------


def test_create_url_is_german_and_not_read_as_a_profile():
    assert reverse("members:organisation_create") == CREATE_URL


def test_create_form_asks_anonymous_to_sign_in(client):
    response = client.get(CREATE_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={CREATE_URL}"


@pytest.mark.parametrize("role", ["outsider", "owner"])
def test_create_form_shown_to_signed_in_users(client, world, role):
    sign_in_as(client, world, role)
    response = client.get(CREATE_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Add your organisation</h1>" in content
    assert 'name="postal_code"' in content


def test_create_makes_the_user_admin_with_a_confirmed_profile(client, world):
    sector = factories.SectorFactory(name="Maschinen- und Anlagenbau", name_en="Engineering")
    occupation = factories.TrainingOccupationFactory(name="Industriemechaniker/in")
    region = factories.RegionFactory(name="Bochum")
    user = sign_in_as(client, world, "outsider")
    data = profile_data(sectors=[sector.pk], training_occupations=[occupation.pk], region=region.pk)

    response = client.post(CREATE_URL, data)

    organisation = Organisation.objects.get(name="Ruhr Antriebstechnik GmbH")
    assert response.status_code == 302
    assert response["Location"] == "/organisationen/ruhr-antriebstechnik-gmbh/"
    assert organisation.slug == "ruhr-antriebstechnik-gmbh"
    assert organisation.confirmed_on == timezone.localdate()
    assert (organisation.postal_code, organisation.city, organisation.region) == (
        "44787",
        "Bochum",
        region,
    )
    assert organisation.website == "https://ruhr-antrieb.example"
    assert list(organisation.sectors.all()) == [sector]
    assert list(organisation.training_occupations.all()) == [occupation]
    person = Person.objects.get(organisation=organisation)
    assert (person.user, person.role, person.email, person.first_name, person.last_name) == (
        user,
        Person.Role.ADMIN,
        user.email,
        user.first_name,
        user.last_name,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Your organisation has been created. You are its admin." in page
    assert reverse("members:organisation_edit", args=[organisation.slug]) in page


def test_create_second_organisation_of_the_same_name_elsewhere_gets_own_slug(client, world):
    factories.OrganisationFactory(name="Ruhr Antriebstechnik GmbH", postal_code="58095")
    sign_in_as(client, world, "outsider")
    response = client.post(CREATE_URL, profile_data())
    assert response.status_code == 302
    assert Organisation.objects.get(postal_code="44787").slug == "ruhr-antriebstechnik-gmbh-2"


def test_create_never_gives_the_reserved_slug_neu(client, world):
    sign_in_as(client, world, "outsider")
    client.post(CREATE_URL, profile_data(name="Neu"))
    assert Organisation.objects.get(name="Neu").slug == "neu-2"


@pytest.mark.parametrize("postal_code", ["4478", "447870", "44 787", "D-44787", "abcde", ""])
def test_create_bad_postcode_refused(client, world, postal_code):
    sign_in_as(client, world, "outsider")
    response = client.post(CREATE_URL, profile_data(postal_code=postal_code))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Please correct the marked entries. Nothing has been saved yet." in content
    if postal_code:
        assert "Please enter a German postal code of five digits, such as 44787." in content
    assert not Organisation.objects.filter(name="Ruhr Antriebstechnik GmbH").exists()
    assert not Person.objects.filter(user=world.outsider).exists()


def test_create_with_a_text_file_as_logo_refused(client, world):
    sign_in_as(client, world, "outsider")
    fake = upload(b"Kein Bild, nur Text." * 10, "logo.png")
    response = client.post(CREATE_URL, profile_data(logo=fake))
    assert response.status_code == 400
    assert "This file is not an image we can read." in response.content.decode()
    assert not Organisation.objects.filter(name="Ruhr Antriebstechnik GmbH").exists()


def test_create_missing_name_and_city_refused(client, world):
    sign_in_as(client, world, "outsider")
    response = client.post(CREATE_URL, profile_data(name="  ", city=""))
    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 2
    assert Organisation.objects.count() == 2  # the world's company and chamber


def test_create_duplicate_name_and_postcode_offers_to_join(client, world):
    existing = factories.OrganisationFactory(name="Ruhr Antriebstechnik GmbH", postal_code="44787")
    sign_in_as(client, world, "outsider")
    response = client.post(CREATE_URL, profile_data(name="ruhr  antriebstechnik gmbh"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "An organisation of this name at this postal code is in the portal already." in content
    assert f'href="{join_url(existing)}"' in content
    assert Organisation.objects.filter(postal_code="44787").count() == 1
    assert not Person.objects.filter(user=world.outsider).exists()


def test_create_duplicate_of_members_only_profile_does_not_link_it(client, world, hidden):
    hidden.postal_code = "44787"
    hidden.save()
    sign_in_as(client, world, "outsider")
    response = client.post(CREATE_URL, profile_data(name=hidden.name))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Please ask a colleague there to invite you." in content
    assert hidden.slug not in content


# --- Asking to join ---------------------------------------------------------------------------


def test_join_page_asks_anonymous_to_sign_in(client, world):
    response = client.get(join_url(world.company))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_join_link_on_profile_for_users_not_acting_for_it(client, world):
    sign_in_as(client, world, "outsider")
    assert (
        f'href="{join_url(world.company)}"'
        in client.get(world.company.get_absolute_url()).content.decode()
    )
    client.force_login(world.colleague)
    assert (
        join_url(world.company) not in client.get(world.company.get_absolute_url()).content.decode()
    )


def test_join_members_only_profile_of_unknown_network_is_404(client, world, hidden):
    sign_in_as(client, world, "outsider")
    assert client.get(join_url(hidden)).status_code == 404
    assert client.post(join_url(hidden), {"function": "x"}).status_code == 404
    assert not JoinRequest.objects.exists()


def test_join_request_mails_every_admin_in_their_language(client, world):
    second_admin = factories.PersonFactory(
        organisation=world.company, role=Person.Role.ADMIN, user__language="en"
    ).user
    requester = sign_in_as(client, world, "outsider")
    response = client.post(
        join_url(world.company),
        {"function": "Leitung Einkauf", "message": "Ich bin neu im Einkauf."},
    )
    assert response.status_code == 302
    join_request = JoinRequest.objects.get()
    assert (join_request.user, join_request.organisation, join_request.status) == (
        requester,
        world.company,
        JoinRequest.Status.PENDING,
    )
    assert (join_request.function, join_request.message) == (
        "Leitung Einkauf",
        "Ich bin neu im Einkauf.",
    )
    mails = {m.recipient: m for m in OutgoingMail.objects.filter(kind="join-request")}
    assert set(mails) == {world.owner.email, second_admin.email}
    people_url = "http://127.0.0.1:8000" + reverse(
        "members:organisation_people", args=[world.company.slug]
    )
    german, english = mails[world.owner.email], mails[second_admin.email]
    assert german.language == "de"
    assert "Sie erhalten diese E-Mail vom Netzwerkportal." in german.body_html
    assert "You receive this e-mail from the Network Portal." in english.body_html
    assert english.language == "en"
    assert english.subject == f"Request to act for {world.company.name}"
    assert requester.email in english.body_text
    assert "Leitung Einkauf" in english.body_text
    assert "Ich bin neu im Einkauf." in english.body_text
    assert people_url in english.body_text
    assert f'href="{people_url}"' in english.body_html
    assert english.about == mail_about(join_request)
    page = client.get(response["Location"]).content.decode()
    assert "Your request has been sent. The organisation&#x27;s admins will decide." in page
    assert "You have asked to join this organisation." in page


def test_join_request_without_admins_goes_to_the_networks_managers(client, world):
    Person.objects.filter(organisation=world.company, role=Person.Role.ADMIN).delete()
    sign_in_as(client, world, "outsider")
    client.post(join_url(world.company), {"function": "", "message": ""})
    assert list(
        OutgoingMail.objects.filter(kind="join-request").values_list("recipient", flat=True)
    ) == [world.manager.email]


def test_join_request_only_one_pending_per_user(client, world):
    sign_in_as(client, world, "outsider")
    client.post(join_url(world.company), {"function": "A", "message": ""})
    response = client.post(join_url(world.company), {"function": "B", "message": ""})
    assert response.status_code == 400
    assert "You asked to join on" in response.content.decode()
    assert JoinRequest.objects.count() == 1
    assert OutgoingMail.objects.filter(kind="join-request").count() == 1


def test_join_request_by_a_colleague_redirects_with_a_note(client, world):
    sign_in_as(client, world, "colleague")
    response = client.post(join_url(world.company), {"function": "", "message": ""}, follow=True)
    assert "You already act for this organisation." in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_join_request_message_too_long_refused(client, world):
    sign_in_as(client, world, "outsider")
    response = client.post(join_url(world.company), {"function": "", "message": "x" * 2001})
    assert response.status_code == 400
    assert "Please keep the message below 2000 characters." in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_join_request_again_after_a_decline(client, world):
    JoinRequest.objects.create(
        organisation=world.company,
        user=world.outsider,
        status=JoinRequest.Status.DECLINED,
        decided_at=timezone.now() - datetime.timedelta(days=3),
    )
    sign_in_as(client, world, "outsider")
    assert client.post(join_url(world.company), {"function": "", "message": ""}).status_code == 302
    assert JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).count() == 1

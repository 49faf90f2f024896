"""Introductions brokered by a partner: who may broker, both / one / no side accepting,
contact details only when both accepted, the mails, and two answers at the same moment."""

import threading
from dataclasses import dataclass

import pytest
from django.db import connection
from django.urls import reverse

from cooperations.models import Introduction
from cooperations.services import introductions as services
from members.models import Organisation, Person, User
from network_portal.models import OutgoingMail
from tests import factories
from tests.cooperations.factories import IntroductionFactory, ListingFactory
from tests.cooperations.helpers import de, german

pytestmark = pytest.mark.django_db

FIRST_PHONE = "0231 4440-01"
SECOND_PHONE = "0231 8880-02"


@dataclass
class Pair:
    first: Organisation  # world.company, admin world.owner
    second: Organisation  # viewers.other_company
    second_admin: User


@pytest.fixture
def pair(world, viewers) -> Pair:
    second_admin = factories.PersonFactory(
        organisation=viewers.other_company, role=Person.Role.ADMIN, phone=SECOND_PHONE
    ).user
    Person.objects.filter(user=world.owner).update(phone=FIRST_PHONE)
    return Pair(first=world.company, second=viewers.other_company, second_admin=second_admin)


def propose(client, user, pair, **values):
    client.force_login(user)
    data = {
        "first_organisation": pair.first.pk,
        "second_organisation": pair.second.pk,
        "message": "Sie suchen beide Partner für die Verbundausbildung.",
        **values,
    }
    return client.post(reverse("cooperations:introduction_create"), data)


def introduction_of(world, pair, **values) -> Introduction:
    return IntroductionFactory(
        broker=world.partner,
        broker_organisation=world.chamber,
        first_organisation=pair.first,
        second_organisation=pair.second,
        **values,
    )


def answer(client, user, introduction, decision):
    client.force_login(user)
    return client.post(
        reverse("cooperations:introduction_answer", args=[introduction.pk]), {"decision": decision}
    )


def page_of(client, user, introduction):
    client.force_login(user)
    return client.get(reverse("cooperations:introduction", args=[introduction.pk]))


# --- Proposing ---------------------------------------------------------------------------


def test_a_partner_introduces_two_organisations_and_both_admins_are_asked(client, world, pair):
    pair.second_admin.language = "en"
    pair.second_admin.save(update_fields=["language"])

    response = propose(client, world.partner, pair)

    introduction = Introduction.objects.get()
    assert response.status_code == 302
    assert (introduction.broker, introduction.broker_organisation, introduction.status) == (
        world.partner,
        world.chamber,
        "pending",
    )
    mails = {m.recipient: m for m in OutgoingMail.objects.all()}
    assert set(mails) == {world.owner.email, pair.second_admin.email}
    assert mails[world.owner.email].language == "de"
    assert mails[pair.second_admin.email].language == "en"
    assert mails[pair.second_admin.email].subject == (
        "Test-IHK would like to introduce you to Hesterberg Testwerk GmbH"
    )
    assert mails[world.owner.email].key == (
        f"introduction-request:{introduction.pk}:{world.owner.email}"
    )
    assert all(m.about == f"cooperations.introduction:{introduction.pk}" for m in mails.values())


def test_an_introduction_about_a_listing_starts_from_the_listing(client, world, pair, topics):
    listing = ListingFactory(organisation=pair.first, topics=[topics["einkauf"]])
    client.force_login(world.partner)

    form = client.get(reverse("cooperations:introduction_create") + f"?listing={listing.pk}")
    client.post(
        reverse("cooperations:introduction_create") + f"?listing={listing.pk}",
        {
            "listing": listing.pk,
            "first_organisation": pair.first.pk,
            "second_organisation": pair.second.pk,
            "message": "Passt zu Ihrem Angebot.",
        },
    )

    assert listing.title in form.text
    assert Introduction.objects.get().listing == listing


def test_a_manager_acting_for_an_agency_may_broker(client, world, pair):
    agency = factories.OrganisationFactory(name="Wirtschaftsförderung Test", kind="agency")
    factories.PersonFactory(organisation=agency, user=world.manager, role=Person.Role.STAFF)

    response = propose(client, world.manager, pair)

    assert response.status_code == 302
    assert Introduction.objects.get().broker_organisation == agency


def test_a_manager_without_organisation_is_told_why_not(client, world, pair):
    client.force_login(world.manager)

    page = client.get(reverse("cooperations:introduction_create"))
    response = propose(client, world.manager, pair)

    assert page.status_code == 403
    assert (
        german(
            "An introduction is made on behalf of an organisation, for example your chamber or "
            "agency. You do not act for an organisation in the portal yet."
        )
        in page.text
    )
    assert response.status_code == 403
    assert not Introduction.objects.exists()


@pytest.mark.parametrize("who", ["owner", "colleague", "outsider"])
def test_companies_and_outsiders_do_not_broker(client, world, pair, who):
    response = propose(client, getattr(world, who), pair)

    assert response.status_code == 403
    assert not Introduction.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, pair):
    response = client.get(reverse("cooperations:introduction_create"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"second_organisation": "SAME"}, "Please choose two different organisations."),
        ({"message": "  "}, "Please write why the two should meet."),
        (
            {"second_organisation": "CHAMBER"},
            "Select a valid choice. That choice is not one of the available choices.",
        ),
    ],
)
def test_bad_input_saves_nothing(client, world, pair, values, message):
    replace = {"SAME": pair.first.pk, "CHAMBER": world.chamber.pk}
    values = {k: replace.get(v, v) for k, v in values.items()}

    response = propose(client, world.partner, pair, **values)

    assert response.status_code == 400
    assert german(message) in response.text
    assert not Introduction.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_a_listing_of_a_third_organisation_is_refused(client, world, pair, topics):
    listing = ListingFactory(topics=[topics["einkauf"]])

    response = propose(client, world.partner, pair, listing=listing.pk)

    assert response.status_code == 400
    assert german("The listing must belong to one of the two organisations.") in response.text
    assert not Introduction.objects.exists()


def test_the_same_pair_cannot_be_introduced_twice_while_pending(client, world, pair):
    introduction_of(world, pair)

    response = propose(
        client,
        world.partner,
        pair,
        first_organisation=pair.second.pk,
        second_organisation=pair.first.pk,
    )

    assert response.status_code == 400
    assert german("These two organisations have an introduction waiting for answers already.") in (
        response.text
    )
    assert Introduction.objects.count() == 1


# --- Answers: both, one, none ----------------------------------------------------------------


def test_both_accept_and_both_see_each_other(client, world, pair):
    introduction = introduction_of(world, pair)

    answer(client, world.owner, introduction, "accept")
    answer(client, pair.second_admin, introduction, "accept")

    introduction.refresh_from_db()
    assert introduction.status == "accepted"
    first_page = page_of(client, world.colleague, introduction).text  # staff of the first side
    second_page = page_of(client, pair.second_admin, introduction).text
    broker_page = page_of(client, world.partner, introduction).text
    assert SECOND_PHONE in first_page
    assert pair.second_admin.email in first_page
    assert FIRST_PHONE in second_page
    assert world.owner.email in second_page
    assert de("Both organisations accepted; they now see each other's contact details.") in (
        broker_page
    )
    assert FIRST_PHONE not in broker_page
    assert SECOND_PHONE not in broker_page
    outcome = OutgoingMail.objects.filter(kind="introduction-accepted")
    assert sorted(outcome.values_list("recipient", flat=True)) == sorted(
        [world.owner.email, pair.second_admin.email, world.partner.email]
    )


def test_one_accepts_and_nobody_sees_anything_yet(client, world, pair):
    introduction = introduction_of(world, pair)

    answer(client, world.owner, introduction, "accept")

    introduction.refresh_from_db()
    assert (introduction.status, introduction.first_answer, introduction.second_answer) == (
        "pending",
        "accepted",
        "pending",
    )
    assert SECOND_PHONE not in page_of(client, world.owner, introduction).text
    assert FIRST_PHONE not in page_of(client, pair.second_admin, introduction).text
    assert not OutgoingMail.objects.filter(kind__startswith="introduction-accepted").exists()


def test_one_declines_and_the_broker_is_told(client, world, pair):
    introduction = introduction_of(world, pair)

    answer(client, world.owner, introduction, "accept")
    answer(client, pair.second_admin, introduction, "decline")

    introduction.refresh_from_db()
    assert introduction.status == "declined"
    assert SECOND_PHONE not in page_of(client, world.owner, introduction).text
    assert FIRST_PHONE not in page_of(client, pair.second_admin, introduction).text
    declined = OutgoingMail.objects.get(kind="introduction-declined")
    assert declined.recipient == world.partner.email
    assert german("The introduction was declined.") in (
        page_of(client, world.partner, introduction).text
    )


def test_none_accepts_no_contact_details_and_no_outcome(client, world, pair):
    introduction = introduction_of(world, pair)

    for user in (world.owner, pair.second_admin, world.partner):
        page = page_of(client, user, introduction).text
        assert FIRST_PHONE not in page
        assert SECOND_PHONE not in page

    assert Introduction.objects.get().status == "pending"


def test_a_side_answers_once(client, world, pair):
    introduction = introduction_of(world, pair)
    answer(client, world.owner, introduction, "accept")

    response = client.post(
        reverse("cooperations:introduction_answer", args=[introduction.pk]),
        {"decision": "decline"},
        follow=True,
    )

    assert german("Your organisation has answered already.") in response.text
    assert Introduction.objects.get().first_answer == "accepted"


def test_staff_of_a_side_see_but_do_not_answer(client, world, pair):
    introduction = introduction_of(world, pair)

    page = page_of(client, world.colleague, introduction)
    response = answer(client, world.colleague, introduction, "accept")

    assert page.status_code == 200
    assert de("Your organisation's admins answer the introduction.") in page.text
    assert response.status_code == 403
    assert Introduction.objects.get().first_answer == "pending"


@pytest.mark.parametrize("who", ["outsider", "manager", "other_manager"])
def test_others_do_not_find_the_introduction(client, world, pair, who):
    introduction = introduction_of(world, pair)

    assert page_of(client, getattr(world, who), introduction).status_code == 404
    assert answer(client, getattr(world, who), introduction, "accept").status_code == 404


def test_the_broker_cannot_answer_for_a_side(client, world, pair):
    introduction = introduction_of(world, pair)

    assert answer(client, world.partner, introduction, "accept").status_code == 403


def test_the_broker_withdraws_and_the_sides_are_told(client, world, pair):
    introduction = introduction_of(world, pair)
    client.force_login(world.partner)

    client.post(reverse("cooperations:introduction_withdraw", args=[introduction.pk]))

    assert Introduction.objects.get().status == "withdrawn"
    assert sorted(
        OutgoingMail.objects.filter(kind="introduction-withdrawn").values_list(
            "recipient", flat=True
        )
    ) == sorted([world.owner.email, pair.second_admin.email])
    assert answer(client, world.owner, introduction, "accept").status_code == 302
    assert Introduction.objects.get().first_answer == "pending"


def test_a_side_cannot_withdraw(client, world, pair):
    introduction = introduction_of(world, pair)
    client.force_login(world.owner)

    response = client.post(reverse("cooperations:introduction_withdraw", args=[introduction.pk]))

    assert response.status_code == 403


# --- Two answers at the same moment (real threads, real row locks) --------------------------


def _answer_at_once(introduction, answers) -> list[Exception]:
    """Each side answers in its own thread and connection, all starting together."""
    barrier = threading.Barrier(len(answers))
    errors: list[Exception] = []

    def run(organisation, user, accept):
        try:
            barrier.wait(timeout=5)
            services.introduction_answer(
                introduction=introduction, organisation=organisation, user=user, accept=accept
            )
        except Exception as error:  # any failure of a thread fails the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=answer) for answer in answers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_acceptances_both_count(world, pair):
    for _round in range(5):
        Introduction.objects.all().delete()
        introduction = introduction_of(world, pair)

        errors = _answer_at_once(
            introduction,
            [(pair.first, world.owner, True), (pair.second, pair.second_admin, True)],
        )

        introduction.refresh_from_db()
        assert errors == []
        assert (introduction.first_answer, introduction.second_answer) == ("accepted", "accepted")
        assert introduction.status == "accepted"
        to_broker = OutgoingMail.objects.filter(
            about=f"cooperations.introduction:{introduction.pk}", recipient=world.partner.email
        )
        assert list(to_broker.values_list("kind", flat=True)) == ["introduction-accepted"]


@pytest.mark.django_db(transaction=True)
def test_a_simultaneous_acceptance_and_refusal_end_declined(world, pair):
    """Whichever answer the lock lets in first: the refusal is kept and decides."""
    introduction = introduction_of(world, pair)

    errors = _answer_at_once(
        introduction,
        [(pair.first, world.owner, True), (pair.second, pair.second_admin, False)],
    )

    introduction.refresh_from_db()
    assert introduction.status == "declined"
    assert introduction.second_answer == "declined"
    if introduction.first_answer == "pending":  # the refusal came first; the acceptance was told
        assert [error.message for error in errors] == [
            de("This introduction has been decided or withdrawn already.")
        ]
    else:
        assert (introduction.first_answer, errors) == ("accepted", [])
    assert OutgoingMail.objects.filter(kind="introduction-declined").count() == 1

"""Introductions brokered by a partner: both / one / no side accepting, contact details only
when both accepted, the mails, withdrawal, and two answers at the same moment."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from cooperations.models import Introduction
from cooperations.services import introductions as services
from network_portal.models import OutgoingMail
from tests.cooperations.helpers import de, german
from tests.cooperations.introduction_helpers import (
    FIRST_PHONE,
    SECOND_PHONE,
    Pair,
    introduction_of,
    introduction_pair,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(world, viewers) -> Pair:
    return introduction_pair(world, viewers)


def answer(client, user, introduction, decision):
    client.force_login(user)
    return client.post(
        reverse("cooperations:introduction_answer", args=[introduction.pk]), {"decision": decision}
    )


def page_of(client, user, introduction):
    client.force_login(user)
    return client.get(reverse("cooperations:introduction", args=[introduction.pk]))


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

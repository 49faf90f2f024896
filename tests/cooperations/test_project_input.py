"""Bad input on projects: amounts, periods and milestones refused with a message (400) and
nothing saved; amounts read and shown the way of the visitor's language."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import ngettext

from cooperations.amounts import AmountError, amount_parse, euro
from cooperations.models import Funding, Milestone
from tests.cooperations.factories import FundingFactory, MilestoneFactory
from tests.cooperations.helpers import german
from tests.cooperations.project_helpers import END, Team, as_user, project_team, project_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(world, topics) -> Team:
    return project_team(world, topics)


def add_funding(client, team, **changes):
    data = {
        "programme": "Regionales Entwicklungskonzept",
        "funder": "Wirtschaftsministerium NRW",
        "amount": "26.550,00",
        "approved_on": "2026-02-10",
        "starts_on": "2026-03-01",
        "ends_on": "2026-12-31",
        **changes,
    }
    return as_user(client, team.users["lead admin"]).post(
        project_url(team.project, "funding_add"), data
    )


# --- Amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("26.550,00", Decimal("26550.00")),
        ("26550,00", Decimal("26550.00")),
        ("26550", Decimal("26550.00")),
        ("1.234.567,5", Decimal("1234567.50")),
        ("26.550,00 €", Decimal("26550.00")),
        ("0", Decimal("0.00")),
    ],
)
def test_german_amounts_are_read_the_german_way(typed, amount):
    with translation.override("de"):
        assert amount_parse(typed) == amount


@pytest.mark.parametrize(
    ("typed", "amount"), [("26,550.00", Decimal("26550.00")), ("26550.5", Decimal("26550.50"))]
)
def test_english_amounts_are_read_the_english_way(typed, amount):
    with translation.override("en"):
        assert amount_parse(typed) == amount


@pytest.mark.parametrize("typed", ["26.55", "2.65.0,00", "abc", "26,550.00", "1,2,3"])
def test_german_amounts_that_cannot_be_meant_are_refused(typed):
    with translation.override("de"), pytest.raises(AmountError):
        amount_parse(typed)


def test_amounts_are_shown_in_the_active_language():
    with translation.override("de"):
        german_text = euro(Decimal("26550.00"))
    with translation.override("en"):
        english_text = euro(Decimal("26550.00"))

    assert german_text.replace("\xa0", " ") in {"26.550,00 €", "€26.550,00"}
    assert english_text == "€26,550.00"


def test_funding_typed_the_german_way_is_saved(client, team):
    response = add_funding(client, team)

    funding = Funding.objects.get()
    assert response.status_code == 302
    assert (funding.amount, funding.approved_on) == (Decimal("26550.00"), dt.date(2026, 2, 10))


def test_funding_typed_in_english_when_the_page_is_english(client, team):
    client.cookies["portal_language"] = "en"

    add_funding(client, team, amount="26,550.00")

    assert Funding.objects.get().amount == Decimal("26550.00")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5,00", "The amount must not be negative."),
        ("26.550,123", "Please give the amount with at most two decimal places (cents)."),
        ("", "This field is required."),
    ],
)
def test_bad_amounts_are_refused_with_a_message(client, team, typed, message):
    response = add_funding(client, team, amount=typed)

    assert response.status_code == 400
    assert german(message) in response.content.decode()
    assert not Funding.objects.exists()


def test_funding_period_ending_before_it_starts_is_refused(client, team):
    response = add_funding(client, team, starts_on="2026-06-01", ends_on="2026-05-31")

    assert response.status_code == 400
    assert german("The end must not be before the start.") in response.content.decode()
    assert not Funding.objects.exists()


def test_project_page_shows_the_amount_in_the_visitors_language(client, team):
    FundingFactory(project=team.project, amount=Decimal("26550.00"))
    as_user(client, team.users["lead admin"])

    german_page = client.get(project_url(team.project)).content.decode().replace("\xa0", " ")
    client.cookies["portal_language"] = "en"
    english_page = client.get(project_url(team.project)).content.decode()

    assert german("€%(amount)s", amount="26.550,00") in german_page
    assert "€26,550.00" in english_page


def test_changing_a_funding_shows_the_amount_the_german_way(client, team):
    funding = FundingFactory(project=team.project, amount=Decimal("1234.5"))

    page = as_user(client, team.users["manager"]).get(
        project_url(team.project, "funding_edit", funding.pk)
    )

    assert 'value="1.234,50"' in page.content.decode()


# --- Milestones and the project period ----------------------------------------------------------


def add_milestone(client, team, due_on):
    return as_user(client, team.users["lead admin"]).post(
        project_url(team.project, "milestone_add"), {"title": "Abschlussbericht", "due_on": due_on}
    )


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        ("2025-12-31", "The date lies before the project starts."),
        ("2027-01-01", "The date lies after the project ends."),
    ],
)
def test_milestone_outside_the_project_period_is_refused(client, team, due_on, message):
    response = add_milestone(client, team, due_on)

    assert response.status_code == 400
    assert german(message) in response.content.decode()
    assert not Milestone.objects.exists()


def test_milestone_inside_the_period_is_saved_and_marked_done(client, team):
    add_milestone(client, team, END.isoformat())
    milestone = Milestone.objects.get()

    as_user(client, team.users["manager"]).post(
        project_url(team.project, "milestone_done", milestone.pk), {"done": "yes"}
    )

    milestone.refresh_from_db()
    assert (milestone.due_on, milestone.done, milestone.done_on is not None) == (END, True, True)


def test_moving_a_milestone_out_of_the_period_is_refused(client, team):
    milestone = MilestoneFactory(project=team.project, due_on=dt.date(2026, 6, 30))

    response = as_user(client, team.users["lead admin"]).post(
        project_url(team.project, "milestone_edit", milestone.pk),
        {"title": "Zwischenbericht", "due_on": "2027-02-01"},
    )

    milestone.refresh_from_db()
    assert response.status_code == 400
    assert (milestone.title, milestone.due_on) != ("Zwischenbericht", dt.date(2027, 2, 1))


def edit_project(client, team, topics, **changes):
    data = {
        "title": "Verbundausbildung Metall",
        "description": "",
        "topic": topics["aus-weiterbildung"].pk,
        "status": "running",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "outcome": "",
        **changes,
    }
    return as_user(client, team.users["lead admin"]).post(
        project_url(team.project, "project_edit"), data
    )


def test_project_period_ending_before_it_starts_is_refused(client, team, topics):
    response = edit_project(client, team, topics, title="Neu", ends_on="2025-12-01")

    team.project.refresh_from_db()
    assert response.status_code == 400
    assert german("The end must not be before the start.") in response.content.decode()
    assert (team.project.title, team.project.ends_on) == (
        "Verbundausbildung Metall im Ennepe-Ruhr-Kreis",
        END,
    )


def test_shortening_the_period_past_a_milestone_is_refused(client, team, topics):
    MilestoneFactory(project=team.project, due_on=dt.date(2026, 11, 30))

    response = edit_project(client, team, topics, ends_on="2026-10-31")

    team.project.refresh_from_db()
    assert response.status_code == 400
    with translation.override("de"):
        message = ngettext(
            "%(count)d milestone would lie outside the project period. Move it first.",
            "%(count)d milestones would lie outside the project period. Move them first.",
            1,
        ) % {"count": 1}
    assert escape(message) in response.content.decode()
    assert team.project.ends_on == END


def test_project_without_a_title_is_refused(client, team, topics):
    response = edit_project(client, team, topics, title="  ")

    assert response.status_code == 400
    team.project.refresh_from_db()
    assert team.project.title == "Verbundausbildung Metall im Ennepe-Ruhr-Kreis"

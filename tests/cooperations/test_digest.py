"""The weekly digest: opt in and out, what it holds (fitting, new, visible), once per ISO
week with a controlled clock, nothing when nothing is new, the unsubscribe link."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse

from cooperations.models import DigestSubscription
from cooperations.services import digests
from cooperations.tasks import weekly_digest
from members.models import Person
from network_portal import celery_app
from network_portal.models import MailPreference, OutgoingMail
from tests import factories
from tests.cooperations.factories import DigestSubscriptionFactory, ListingFactory
from tests.cooperations.helpers import german

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 9, 6, 0, tzinfo=dt.UTC)  # Monday, 07:00 in Berlin: week 2026-W11


@pytest.fixture
def metall(db):
    return factories.SectorFactory(name="Metallverarbeitung", name_en="Metalworking")


@pytest.fixture
def company(world, topics, metall):
    """The world's company (Bochum, metalworking) offers contract manufacturing."""
    world.company.sectors.set([metall])
    ListingFactory(
        organisation=world.company,
        title="Unsere Lohnfertigung",
        topics=[topics["lohnfertigung"]],
        published_at=NOW - dt.timedelta(days=60),
    )
    return world.company


def new_listing(title, *, days_ago=2, **values):
    summary = values.pop("summary", "Bitte melden Sie sich.")
    return ListingFactory(
        title=title,
        summary=summary,
        description="",
        published_at=NOW - dt.timedelta(days=days_ago),
        organisation=values.pop("organisation", None) or factories.OrganisationFactory(),
        **values,
    )


@pytest.fixture
def week(world, topics, metall, company):
    """New listings of the past week around the company, and some that must stay out."""
    bochum = world.company.region
    elsewhere = factories.RegionFactory(name="Göttingen")
    return {
        "request": new_listing(
            "Lohnfertiger gesucht", kind="request", topics=[topics["lohnfertigung"]], days_ago=1
        ),
        "sector": new_listing("Biegeteile aus Metall", sectors=[metall], days_ago=3),
        "region": new_listing("Messestand in Bochum", regions=[bochum], days_ago=4),
        "unrelated": new_listing(
            "Verpackung gesucht", kind="request", topics=[topics["einkauf"]], regions=[elsewhere]
        ),
        "too_old": new_listing(
            "Alte Anfrage", kind="request", topics=[topics["lohnfertigung"]], days_ago=8
        ),
        "partners_only": new_listing(
            "Nur für Partner", sectors=[metall], visibility="partners", days_ago=2
        ),
        "own": new_listing("Eigenes Angebot", organisation=world.company, sectors=[metall]),
        "same_kind": new_listing("Auch Lohnfertigung", topics=[topics["lohnfertigung"]]),
    }


def subscribe(user, organisation):
    return DigestSubscriptionFactory(user=user, organisation=organisation)


def test_the_digest_holds_the_new_fitting_visible_listings(client, world, week, company):
    world.owner.language = "en"
    world.owner.save(update_fields=["language"])
    subscribe(world.owner, company)

    recorded = digests.digests_send(now=NOW)

    mail = OutgoingMail.objects.get()
    assert recorded == 1
    assert (mail.recipient, mail.language, mail.kind) == (
        world.owner.email,
        "en",
        "cooperation-digest",
    )
    assert mail.key == f"digest:2026-W11:{company.pk}:{world.owner.email}"
    assert mail.subject == "3 new listings for Hesterberg Testwerk GmbH"
    shown = [week[name].title for name in ("request", "sector", "region")]
    positions = [mail.body_text.index(title) for title in shown]
    assert positions == sorted(positions)  # best first: a topic, then a sector, then a region
    for name in ("unrelated", "too_old", "partners_only", "own", "same_kind"):
        assert week[name].title not in mail.body_text
        assert week[name].title not in mail.body_html
    reasons = [line.strip() for line in mail.body_text.splitlines() if "ame " in line]
    assert reasons == [
        "Same topic: Contract manufacturing",
        "Same sector: Metalworking",
        "Same region: Bochum",
    ]
    assert DigestSubscription.objects.get().last_sent_at == NOW
    unsubscribe = re.search(
        r"http://\S+(/kooperationen/wochenuebersicht/abmelden/\S+/)", mail.body_text
    )
    assert unsubscribe.group(1) in mail.body_html
    assert client.post(unsubscribe.group(1)).status_code == 200
    assert not DigestSubscription.objects.exists()


def test_a_partner_gets_what_is_shared_with_partners(world, week, metall):
    world.chamber.sectors.set([metall])
    subscribe(world.partner, world.chamber)

    digests.digests_send(now=NOW)

    assert week["partners_only"].title in OutgoingMail.objects.get().body_text


def test_once_per_iso_week(world, week, company, topics):
    subscribe(world.owner, company)

    first = digests.digests_send(now=NOW)
    again = digests.digests_send(now=NOW + dt.timedelta(hours=1))
    new_listing("Noch eine Anfrage", kind="request", topics=[topics["lohnfertigung"]], days_ago=-1)
    later_that_week = digests.digests_send(now=NOW + dt.timedelta(days=2))

    assert (first, again, later_that_week) == (1, 0, 0)
    assert OutgoingMail.objects.count() == 1


def test_next_week_holds_only_what_is_new_since_the_last_digest(world, week, company, topics):
    subscribe(world.owner, company)
    digests.digests_send(now=NOW)
    fresh = new_listing(
        "Frische Anfrage", kind="request", topics=[topics["lohnfertigung"]], days_ago=-3
    )

    recorded = digests.digests_send(now=NOW + dt.timedelta(days=7))

    second = OutgoingMail.objects.get(key__startswith="digest:2026-W12:")
    assert recorded == 1
    assert fresh.title in second.body_text
    assert week["request"].title not in second.body_text


def test_nothing_new_sends_nothing(world, company):
    subscribe(world.owner, company)

    recorded = digests.digests_send(now=NOW)

    assert recorded == 0
    assert not OutgoingMail.objects.exists()
    assert DigestSubscription.objects.get().last_sent_at is None


def test_only_subscribers_who_still_act_for_the_organisation(world, week, company):
    subscribe(world.owner, company)
    subscribe(world.colleague, company)
    Person.objects.filter(user=world.colleague).update(is_active=False)

    digests.digests_send(now=NOW)

    assert list(OutgoingMail.objects.values_list("recipient", flat=True)) == [world.owner.email]


def test_nobody_gets_it_who_switched_off_all_digests(world, week, company):
    subscribe(world.owner, company)
    MailPreference.objects.create(email=world.owner.email.lower(), digests=False)

    assert digests.digests_send(now=NOW) == 0
    assert not OutgoingMail.objects.exists()


def test_the_beat_schedule_runs_the_task_weekly(world, company, topics):
    subscribe(world.owner, company)
    ListingFactory(title="Heute neu", kind="request", topics=[topics["lohnfertigung"]])
    entry = next(
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "cooperations.weekly_digest"
    )

    result = weekly_digest.apply()  # in this process, with the real clock

    assert "cooperations.weekly_digest" in celery_app.tasks
    assert entry["schedule"].day_of_week == {1}
    assert result.get() == 1
    assert "Heute neu" in OutgoingMail.objects.get().body_text


# --- Opting in and out ---------------------------------------------------------------------


def test_opting_in_and_out_on_my_cooperations(client, world, company):
    client.force_login(world.colleague)
    url = reverse("cooperations:digest_toggle")

    client.post(url, {"organisation": company.pk, "subscribe": "1"})
    subscribed = list(DigestSubscription.objects.values_list("user", "organisation"))
    page = client.get(reverse("cooperations:mine"))
    client.post(url, {"organisation": company.pk, "subscribe": "0"})

    assert subscribed == [(world.colleague.pk, company.pk)]
    assert german("Stop the digest") in page.text
    assert not DigestSubscription.objects.exists()


def test_opting_in_for_another_organisation_is_refused(client, world, viewers):
    client.force_login(world.owner)

    response = client.post(
        reverse("cooperations:digest_toggle"),
        {"organisation": viewers.other_company.pk, "subscribe": "1"},
        follow=True,
    )

    assert german("Please choose one of your organisations.") in response.text
    assert not DigestSubscription.objects.exists()


def test_the_unsubscribe_link_works_without_sign_in_and_asks_first(client, world, company):
    subscription = subscribe(world.owner, company)
    url = reverse("cooperations:digest_unsubscribe", args=[digests.unsubscribe_token(subscription)])

    shown = client.get(url)
    still = DigestSubscription.objects.exists()
    done = client.post(url)

    assert shown.status_code == 200
    assert still
    assert done.status_code == 200
    assert (
        german(
            "Done: you will no longer receive the weekly digest for %(organisation)s.",
            organisation=company.name,
        )
        in done.text
    )
    assert not DigestSubscription.objects.exists()


def test_a_forged_unsubscribe_link_changes_nothing(client, world, company):
    subscribe(world.owner, company)

    response = client.post(reverse("cooperations:digest_unsubscribe", args=["forged-token"]))

    assert response.status_code == 404
    assert DigestSubscription.objects.count() == 1

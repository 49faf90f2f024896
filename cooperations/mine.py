"""Reads for the user's side of cooperations: "My cooperations" and the interest panel of a
listing page. Each costs a fixed number of queries, however many rows it shows."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from cooperations import consent
from cooperations.forms.interests import InterestForm
from cooperations.models import DigestSubscription, Interest, Introduction, Listing
from cooperations.models.interests import OPEN_INTEREST
from cooperations.selectors import STATUS_ORDER
from members import roles
from members.models import Organisation


@dataclass(frozen=True)
class ListingRow:
    listing: Listing
    interests: list[Interest]
    may_answer: bool


@dataclass(frozen=True)
class SentRow:
    interest: Interest
    may_withdraw: bool


@dataclass(frozen=True)
class IntroductionRow:
    introduction: Introduction
    side: Organisation | None  # the organisation the user answers for, if any
    answer: str | None  # that side's answer
    is_broker: bool


@dataclass(frozen=True)
class DigestRow:
    organisation: Organisation
    subscribed: bool


@dataclass
class MyCooperations:
    organisations: list[Organisation]
    listings: list[ListingRow] = field(default_factory=list)
    sent: list[SentRow] = field(default_factory=list)
    introductions: list[IntroductionRow] = field(default_factory=list)
    digests: list[DigestRow] = field(default_factory=list)
    may_broker: bool = False

    @property
    def pending_answers(self) -> int:
        """How many interests and introductions wait for the user's answer."""
        interests = sum(
            1
            for row in self.listings
            if row.may_answer
            for interest in row.interests
            if interest.status == Interest.Status.PENDING
        )
        introductions = sum(1 for row in self.introductions if row.answer == "pending")
        return interests + introductions


INTRODUCTION_RELATED = (
    "broker_organisation",
    "first_organisation",
    "second_organisation",
    "listing",
)


def my_cooperations(user) -> MyCooperations:
    own = roles.for_user(user).organisation_ids
    organisations = list(Organisation.objects.filter(pk__in=own).order_by("name"))
    return MyCooperations(
        organisations=organisations,
        listings=_own_listings(user, own),
        sent=_sent(user, own),
        introductions=_introductions(user),
        digests=_digests(user, organisations),
        may_broker=consent.may_broker(user),
    )


def _own_listings(user, own) -> list[ListingRow]:
    interests = Interest.objects.select_related("organisation").order_by("-created_at", "-pk")
    listings = (
        Listing.objects.filter(organisation_id__in=own)
        .exclude(status=Listing.Status.DRAFT)
        .select_related("organisation")
        .prefetch_related(Prefetch("interests", queryset=interests))
        .order_by(STATUS_ORDER, "-published_at", "-pk")
    )
    return [
        ListingRow(
            listing=listing,
            interests=list(listing.interests.all()),
            may_answer=consent.may_decide_for_listing(user, listing),
        )
        for listing in listings
    ]


def _sent(user, own) -> list[SentRow]:
    interests = (
        Interest.objects.filter(organisation_id__in=own)
        .select_related("listing__organisation", "organisation")
        .order_by("-created_at", "-pk")
    )
    return [
        SentRow(interest=interest, may_withdraw=consent.may_withdraw_interest(user, interest))
        for interest in interests
    ]


def _introductions(user) -> list[IntroductionRow]:
    introductions = consent.introductions_visible_to(user).select_related(*INTRODUCTION_RELATED)
    rows = []
    for introduction in introductions.order_by("-created_at", "-pk"):
        side = consent.introduction_side_of(user, introduction)
        rows.append(
            IntroductionRow(
                introduction=introduction,
                side=side,
                answer=introduction.answer_of(side.pk) if side else None,
                is_broker=consent.is_broker_of(user, introduction),
            )
        )
    return rows


def _digests(user, organisations: list[Organisation]) -> list[DigestRow]:
    subscribed = set(
        DigestSubscription.objects.filter(
            user=user, organisation__in=[o.pk for o in organisations]
        ).values_list("organisation_id", flat=True)
    )
    return [DigestRow(organisation=o, subscribed=o.pk in subscribed) for o in organisations]


# --- The interest panel of a listing page -------------------------------------------------


@dataclass
class InterestPanel:
    """What the listing page offers the viewer about interest in this listing."""

    listing: Listing
    signed_in: bool
    is_own: bool = False  # the viewer acts for the listing's organisation
    may_answer: bool = False
    received: list[Interest] = field(default_factory=list)  # for the listing's people
    sent: list[Interest] = field(default_factory=list)  # the viewer's organisations' interests
    form: InterestForm | None = None  # for organisations without an open interest
    may_send: bool = False  # the viewer acts for another organisation
    may_broker: bool = False


def interest_panel(user, listing: Listing) -> InterestPanel:
    panel = InterestPanel(listing=listing, signed_in=user.is_authenticated)
    if not user.is_authenticated:
        return panel
    panel.may_broker = consent.may_broker(user)
    if listing.organisation_id in roles.for_user(user).organisation_ids:
        panel.is_own = True
        panel.may_answer = consent.may_decide_for_listing(user, listing)
        panel.received = list(listing.interests.select_related("organisation"))
    candidates = consent.organisations_that_may_express_interest(user, listing)
    organisations = list(candidates)
    if not organisations:
        return panel
    panel.may_send = True
    panel.sent = list(
        listing.interests.filter(organisation__in=organisations).select_related("organisation")
    )
    open_for = {i.organisation_id for i in panel.sent if i.status in OPEN_INTEREST}
    if listing.is_open and len(open_for) < len(organisations):
        panel.form = InterestForm(organisations=candidates.exclude(pk__in=open_for))
    return panel

"""Demo interest and an introduction, after the press releases: F. Hesterberg & Söhne joins
the SIHK's energy-efficiency network (accepted), Volmetal Federn asks about the joint
vocational training (waiting for an answer), and the SIHK introduces Gevelsberger
Schmiedetechnik to F. Hesterberg for their apprentices (Gevelsberger has accepted).

Rows are written directly (no mails) and only when missing, so answers given in the portal
survive a second run. Without demo accounts the people fields stay empty.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from cooperations.models import Interest, Introduction, Listing
from members.models import Organisation, User
from network_portal.demo.rows import SeedReport

HESTERBERG = "f-hesterberg-soehne"
TRAINING = "Verbundausbildung Industriemechaniker/in: Ausbildungsabschnitte für Partnerbetriebe"
ENERGY_NETWORK = "Unternehmen für ein Energieeffizienz-Netzwerk in Hagen und im Ennepe-Ruhr-Kreis"


@dataclass(frozen=True)
class InterestSeed:
    listing_owner: str
    listing_title: str
    organisation: str
    sender: str  # e-mail of a demo account, or "" for none
    message: str
    days_ago: int
    answered_by: str = ""  # e-mail of a demo account; set with ``reply`` when accepted
    reply: str = ""


INTERESTS = (
    InterestSeed(
        listing_owner="sihk-hagen",
        listing_title=ENERGY_NETWORK,
        organisation=HESTERBERG,
        sender="firma@demo.example",
        message=(
            "Unsere Härterei und die Lackieranlage verbrauchen viel Energie. Wir würden gern "
            "im Netzwerk mitmachen und unsere Erfahrungen mit der Wärmerückgewinnung teilen."
        ),
        days_ago=9,
        answered_by="partner@demo.example",
        reply="Sehr gern! Das Auftakttreffen ist im nächsten Monat, ich rufe Sie an.",
    ),
    InterestSeed(
        listing_owner=HESTERBERG,
        listing_title=TRAINING,
        organisation="volmetal-federn",
        sender="",
        message=(
            "Wir stellen zum Herbst zwei Werkzeugmechaniker ein und könnten die "
            "Grundausbildung Metall nicht selbst abdecken. Sind noch Plätze frei?"
        ),
        days_ago=3,
    ),
)


def interests_seed(*, organisations: dict[str, Organisation], report: SeedReport) -> None:
    """The demo interest and the SIHK's introduction, each created once."""
    for seed in INTERESTS:
        _interest_seed(seed, organisations, report)
    _introduction_seed(organisations, report)


def _account(email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first() if email else None


def _interest_seed(seed: InterestSeed, organisations: dict, report: SeedReport) -> None:
    listing = Listing.objects.filter(
        organisation=organisations[seed.listing_owner], title=seed.listing_title
    ).first()
    organisation = organisations[seed.organisation]
    known = Interest.objects.filter(listing=listing, organisation=organisation).exists()
    if listing is None or known:
        return
    sent_at = timezone.now() - timedelta(days=seed.days_ago)
    answered = bool(seed.answered_by)
    interest = Interest.objects.create(
        listing=listing,
        organisation=organisation,
        user=_account(seed.sender),
        message=seed.message,
        status=Interest.Status.ACCEPTED if answered else Interest.Status.PENDING,
        reply=seed.reply,
        decided_at=sent_at + timedelta(days=1) if answered else None,
        decided_by=_account(seed.answered_by),
    )
    Interest.objects.filter(pk=interest.pk).update(created_at=sent_at)
    report.created += 1


def _introduction_seed(organisations: dict, report: SeedReport) -> None:
    broker, first = organisations["sihk-hagen"], organisations["gevelsberger-schmiedetechnik"]
    second = organisations[HESTERBERG]
    if Introduction.objects.filter(
        broker_organisation=broker, first_organisation=first, second_organisation=second
    ).exists():
        return
    introduced_at = timezone.now() - timedelta(days=5)
    introduction = Introduction.objects.create(
        broker_organisation=broker,
        broker=_account("partner@demo.example"),
        first_organisation=first,
        second_organisation=second,
        listing=Listing.objects.filter(organisation=second, title=TRAINING).first(),
        message=(
            "Die Gevelsberger Schmiedetechnik sucht für ihre beiden neuen Auszubildenden "
            "Verfahrensmechaniker eine Grundausbildung Metall. Die Lehrwerkstatt von "
            "F. Hesterberg & Söhne in Ennepetal hat Plätze frei – sprechen Sie miteinander?"
        ),
        first_answer=Introduction.Answer.ACCEPTED,
        first_answered_at=introduced_at + timedelta(days=1),
    )
    Introduction.objects.filter(pk=introduction.pk).update(created_at=introduced_at)
    report.created += 1

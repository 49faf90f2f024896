"""The demo events, after the press releases, with dates as on ``calendar.WRITTEN_FOR``.

The seed moves the dates with ``calendar.event_day`` so that upcoming events stay upcoming
and the past one stays past, whenever it runs. An event is found again by its title
and start; attendees are fictional contact persons of the demo organisations, named by
``(organisation slug, last name)``.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from network_portal.demo.networks import INDIE, MEKOM, NATIONAL, PRODUKTION_BOCHUM, VERPACKUNG

BERLIN = ZoneInfo("Europe/Berlin")
WTW = "Wirtschaft trifft Wirtschaft"
SERIES = {
    WTW: (
        "Die Veranstaltungsreihe von In|Die RegionRuhr: Unternehmen öffnen ihre Türen für "
        "Unternehmen der Region und zeigen an praktischen Beispielen, was gelingt."
    ),
}

Attendee = tuple[str, str]  # (organisation slug, last name of a demo contact)


def berlin(day: date, clock: str) -> datetime:
    """``clock`` like "17:30" on ``day`` in Berlin time, as an aware datetime."""
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=BERLIN)


@dataclass(frozen=True)
class SpeakerSeed:
    """A person at the event: a demo contact (``person``) or a named guest."""

    role: str
    name: str = ""
    function: str = ""
    person: Attendee | None = None


@dataclass(frozen=True)
class SessionSeed:
    title: str
    starts: str
    ends: str
    is_workshop: bool = False
    capacity: int | None = None
    slot: str = ""
    room: str = ""


@dataclass(frozen=True)
class EventSeed:
    title: str
    day: date
    starts: str
    ends: str
    organisers: tuple[str, ...]
    capacity: int
    description: str
    topics: str = ""
    series: str = ""
    audience: tuple[str, ...] = ()
    # Any organisation may register, members of the networks or not.
    open_to_all: bool = False
    host: str = ""
    format: str = "on_site"
    venue: str = ""
    address: str = ""
    region: str = ""
    online_url: str = ""
    contact: Attendee | None = None
    people: tuple[SpeakerSeed, ...] = ()
    sessions: tuple[SessionSeed, ...] = ()
    # Attendees in order of arrival; with workshops: (attendee, workshop title).
    attendees: tuple[Attendee, ...] = ()
    workshop_choices: tuple[tuple[Attendee, str], ...] = ()


EN_AGENTUR_CONTACT = ("en-agentur", "Wehling")

VERBUNDAUSBILDUNG = EventSeed(
    title="Wirtschaft trifft Wirtschaft: Verbundausbildung bei F. Hesterberg & Söhne",
    series=WTW,
    # "Angesprochen sind Firmen aus Bochum, Dortmund, Hagen, Herne und dem Ennepe-Ruhr-Kreis":
    # interested companies of the region, whether or not they are members.
    open_to_all=True,
    day=date(2027, 3, 18),  # a Thursday
    starts="17:30",
    ends="20:00",
    organisers=(INDIE,),
    host="f-hesterberg-soehne",
    venue="F. Hesterberg & Söhne GmbH & Co. KG",
    address="Wuppermannshof 7, 58256 Ennepetal",
    region="ennepe-ruhr-kreis",
    capacity=25,
    topics="Verbundausbildung, Fachkräfte, Ausbildung",
    description=(
        "Wo ist Verbundausbildung möglich, sinnvoll und kostensparend? Der Fahrzeugbauer "
        "F. Hesterberg & Söhne zeigt, wie Betriebe der Region gemeinsam ausbilden: "
        "Ausbildungsbeispiele aus der Praxis, ein Rundgang durch die Lehrwerkstatt und "
        "Zeit für Gespräche beim Imbiss."
    ),
    contact=EN_AGENTUR_CONTACT,
    people=(
        SpeakerSeed("host", person=("f-hesterberg-soehne", "Oberhaus")),
        SpeakerSeed("speaker", name="Dr. Verena Albers", function="Ausbildungsverbund Ennepe-Ruhr"),
        SpeakerSeed("moderator", person=EN_AGENTUR_CONTACT),
    ),
    attendees=(
        ("demag", "Stratmann"),
        ("ruhrtal-praezisionsteile", "Brückner"),
        ("volmetal-federn", "Hellwig"),
        ("gevelsberger-schmiedetechnik", "Dahlmann"),
        ("ruhrsensor-messtechnik", "Demir"),
        ("ruhrsensor-messtechnik", "Pieper"),
        ("hattinger-konstruktion", "Runge"),
        ("wilo", "Lohmeyer"),
        ("khs", "Pohlmann"),
        ("hoerder-stahl-anlagenbau", "Wittkamp"),
        ("borsigplatz-schaltanlagenbau", "Brinkhoff"),
        ("westfalendata-industrie-it", "Neumeier"),
        ("emschertal-antriebstechnik", "Kampmann"),
        ("schachtzeichen-kunststofftechnik", "Sobczak"),
        ("rhein-herne-logistikpartner", "Hülsmann"),
        ("gea-bochum", "Rehbein"),
        ("getriebebau-stiepel", "Schwarzer"),
        ("schienentechnik-ruhr", "Feldhaus"),
        ("wirtschaftsfoerderung-dortmund", "Kleinschmidt"),
        ("hagen-wirtschaftsentwicklung", "Rosenthal"),
        ("wirtschaftsfoerderung-herne", "Yilmaz"),
        ("sihk-hagen", "Dietrich"),
        ("hwk-dortmund", "Kröger"),
    ),
)

NETZWERK_PRODUKTION = EventSeed(
    title="Netzwerktreffen Produktion Bochum: Vertriebskooperationen",
    day=date(2027, 2, 24),
    starts="16:00",
    ends="18:30",
    organisers=(PRODUKTION_BOCHUM,),
    host="technologie-zentrum-ruhr",
    venue="Technologie-Zentrum Ruhr",
    address="Universitätsstraße 142, 44799 Bochum",
    region="bochum",
    capacity=8,
    topics="Vertriebskooperation, Wissenstransfer",
    description=(
        "Die Bochumer Produktionsunternehmen tauschen sich über gemeinsame Vertriebswege "
        "aus: Welche Partner sitzen vor der Haustür, welche Märkte lassen sich gemeinsam "
        "erschließen? Die Plätze sind begrenzt; wer keinen Platz erhält, kommt auf die "
        "Warteliste."
    ),
    contact=("bochum-wirtschaftsentwicklung", "Vogt"),
    people=(SpeakerSeed("moderator", person=("bochum-wirtschaftsentwicklung", "Vogt")),),
    attendees=(
        ("gea-bochum", "Rehbein"),
        ("getriebebau-stiepel", "Schwarzer"),
        ("wattenscheider-fahrzeugkomponenten", "Lewandowski"),
        ("querenburg-praezisionsmechanik", "Marquardt"),
        ("schienentechnik-ruhr", "Feldhaus"),
        ("langendreer-blechbearbeitung", "Szymanski"),
        ("ruhr-mechatronik-systeme", "Grabowski"),
        ("bochumer-industrielogistik", "Kowalczyk"),
        ("kemnader-prueftechnik", "Olbrich"),
        ("ruhrpott-industrie-software", "Bremer"),
        ("ruhr-universitaet-bochum", "Achterberg"),
    ),
)

WORKSHOPS = (
    "Industrieakzeptanz in der Öffentlichkeit",
    "Fachkräfte gewinnen und ausbilden",
    "Transformation und Klimaschutz im Betrieb",
    "Finanzierung und Organisation von Initiativen",
    "Digitale Formate für die Netzwerkarbeit",
)

NATIONAL_MEETING = EventSeed(
    title="Bundesweites Netzwerktreffen der regionalen Industrieinitiativen",
    day=date(2027, 5, 12),
    starts="10:00",
    ends="15:00",
    organisers=(NATIONAL,),
    audience=(INDIE, PRODUKTION_BOCHUM, MEKOM, VERPACKUNG),
    host="dihk-service",
    format="online",
    online_url="https://meeting.example/industrieinitiativen-2027",
    capacity=100,
    topics="Industrieakzeptanz, Netzwerkarbeit, Erfahrungsaustausch",
    description=(
        "Das virtuelle Treffen der Initiativen aus ganz Deutschland: am Vormittag das "
        "Plenum mit Berichten aus den Regionen, am Nachmittag fünf parallele Workshops, "
        "in denen die Teilnehmenden neue Impulse für die eigene Arbeit gewinnen."
    ),
    contact=("dihk-service", "Matthes"),
    people=(
        SpeakerSeed("moderator", person=("dihk-service", "Matthes")),
        SpeakerSeed("speaker", name="Prof. Dr. Henrike Vollmer", function="Industriesoziologin"),
    ),
    sessions=(
        SessionSeed("Plenum: Berichte aus den Regionen", "10:00", "12:00", room="Hauptraum"),
        *(
            SessionSeed(
                title,
                "13:00",
                "15:00",
                is_workshop=True,
                capacity=capacity,
                slot="Workshop-Phase",
                room=f"Raum {number}",
            )
            for number, (title, capacity) in enumerate(
                zip(WORKSHOPS, (15, 15, 12, 12, 10), strict=True), start=1
            )
        ),
    ),
    workshop_choices=(
        (("ihk-dortmund", "Oppermann"), WORKSHOPS[0]),
        (("sihk-hagen", "Dietrich"), WORKSHOPS[1]),
        (EN_AGENTUR_CONTACT, WORKSHOPS[1]),
        (("wirtschaftsfoerderung-dortmund", "Kleinschmidt"), WORKSHOPS[2]),
        (("bochum-wirtschaftsentwicklung", "Hartmann"), WORKSHOPS[3]),
        (("wirtschaftsfoerderung-landkreis-goettingen", "Busse"), WORKSHOPS[3]),
        (("hagen-wirtschaftsentwicklung", "Rosenthal"), WORKSHOPS[4]),
        (("wirtschaftsfoerderung-herne", "Yilmaz"), WORKSHOPS[0]),
    ),
)

SALES_SEMINAR = EventSeed(
    title="VerpackungsAkademie: Vertriebsseminar für MEKOM-Mitglieder",
    day=date(2027, 4, 21),
    starts="09:00",
    ends="16:30",
    organisers=(VERPACKUNG,),
    audience=(VERPACKUNG, MEKOM),
    host="verpackungsakademie-suedniedersachsen",
    venue="Stadthalle Osterode am Harz, Seminarraum",
    address="Dörgestraße 40, 37520 Osterode am Harz",
    region="osterode-am-harz",
    capacity=12,
    topics="Vertrieb, Qualifizierung",
    description=(
        "Seit 2013 qualifiziert die VerpackungsAkademie Südniedersachsen gemeinsam mit "
        "MEKOM die Beschäftigten der Region. Das Vertriebsseminar richtet sich an "
        "Mitglieder beider Netzwerke: Gesprächsführung, Angebotsnachfassung und "
        "Preisverhandlung im Geschäft mit Industriekunden."
    ),
    contact=("verpackungsakademie-suedniedersachsen", "Kühne"),
    people=(SpeakerSeed("speaker", name="Thomas Brenneke", function="Vertriebstrainer"),),
    attendees=(
        ("goettinger-faltschachtel", "Eilers"),
        ("harzer-giesserei-soesetal", "Hentschel"),
        ("osteroder-formenbau", "Kirchhoff"),
        ("eichsfelder-kartonagen", "Gerlach"),
        ("oberharzer-maschinenbau", "Sievers"),
        ("odertal-verpackungsdruck", "Koch"),
    ),
)

PAST_MEETING = EventSeed(
    title="Wirtschaft trifft Wirtschaft: Energieeffizienz in der Schmiede",
    series=WTW,
    open_to_all=True,
    day=date(2026, 6, 18),  # a Thursday
    starts="17:30",
    ends="20:00",
    organisers=(INDIE,),
    host="gevelsberger-schmiedetechnik",
    venue="Gevelsberger Schmiedetechnik",
    region="ennepe-ruhr-kreis",
    capacity=30,
    topics="Energieeffizienz, Ressourcen",
    description=(
        "Wie eine Schmiede ihren Energiebedarf senkt: Abwärmenutzung, Lastmanagement "
        "und Förderprogramme, vorgestellt am Beispiel des Gastgebers."
    ),
    contact=EN_AGENTUR_CONTACT,
    people=(SpeakerSeed("host", person=("gevelsberger-schmiedetechnik", "Dahlmann")),),
    attendees=(
        ("demag", "Stratmann"),
        ("ruhrtal-praezisionsteile", "Brückner"),
        ("volmetal-federn", "Hellwig"),
        ("ruhrsensor-messtechnik", "Demir"),
        ("hattinger-konstruktion", "Runge"),
        ("f-hesterberg-soehne", "Oberhaus"),
        ("wilo", "Lohmeyer"),
        ("hagen-wirtschaftsentwicklung", "Rosenthal"),
    ),
)
# Who of PAST_MEETING's attendees came: all but the last two.
PAST_CHECKED_IN = 6

UPCOMING_EVENTS = (VERBUNDAUSBILDUNG, NETZWERK_PRODUKTION, NATIONAL_MEETING, SALES_SEMINAR)

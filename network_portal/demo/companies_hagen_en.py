"""Companies in Hagen and the Ennepe-Ruhr-Kreis, members of In|Die RegionRuhr.

F. Hesterberg & Söhne and Demag are real companies named in the press releases; the
others are fictional. Streets are plausible, not necessarily real addresses; every contact
person, e-mail address and phone number is fictional.
"""

from datetime import date

from network_portal.demo.networks import INDIE
from network_portal.demo.records import Contact, OrganisationSeed, applied, member

HAGEN_EN_COMPANIES = (
    OrganisationSeed(
        slug="f-hesterberg-soehne",
        name="F. Hesterberg & Söhne GmbH & Co. KG",
        kind="company",
        region="ennepe-ruhr-kreis",
        street="Wuppermannshof 7",
        postal_code="58256",
        city="Ennepetal",
        domain="hesterberg.example",
        phone="02333 000000-10",
        description=(
            "Familienunternehmen aus Ennepetal, das Komponenten für den Nutzfahrzeugbau "
            "entwickelt und fertigt. Gastgeber der Reihe „Wirtschaft trifft Wirtschaft“ "
            "zum Thema Verbundausbildung."
        ),
        products="Verschlüsse, Scharniere und Profile für Nutzfahrzeugaufbauten",
        competences="Umformtechnik, Schweißbaugruppen, Oberflächenschutz, Kleinserien",
        sectors=("automotive", "metallverarbeitung", "verkehrstechnik"),
        occupations=(
            "industriemechaniker",
            "zerspanungsmechaniker",
            "werkzeugmechaniker",
            "maschinenfuehrer",
            "industriekaufleute",
        ),
        size="medium",
        confirmed_on=date(2026, 10, 8),
        memberships=(member(INDIE, date(2010, 3, 1)),),
        contacts=(Contact("Katrin", "Oberhaus", "Ausbildungsleitung"),),
    ),
    OrganisationSeed(
        slug="demag",
        name="Demag Cranes & Components GmbH",
        kind="company",
        region="ennepe-ruhr-kreis",
        street="Ruhrstraße 28",
        postal_code="58300",
        city="Wetter (Ruhr)",
        domain="demag.example",
        phone="02335 000000-10",
        description=(
            "Hersteller von Industriekranen, Hebezeugen und Antriebstechnik mit Stammsitz "
            "an der Ruhr; steht mit seinen Produkten weltweit für Hightech made in Germany."
        ),
        products="Brückenkrane, Kettenzüge, Seilzüge, Antriebs- und Steuerungstechnik",
        competences="Krantechnik, Antriebstechnik, Service und Modernisierung",
        sectors=("maschinenbau", "elektrotechnik"),
        occupations=(
            "industriemechaniker",
            "mechatroniker",
            "elektroniker-betriebstechnik",
            "produktdesigner",
            "industriekaufleute",
        ),
        size="large",
        confirmed_on=date(2026, 5, 28),
        memberships=(member(INDIE, date(2009, 11, 1)),),
        contacts=(Contact("Oliver", "Stratmann", "Lieferantenentwicklung"),),
    ),
    OrganisationSeed(
        slug="ruhrtal-praezisionsteile",
        name="Ruhrtal Präzisionsteile GmbH",
        kind="company",
        region="hagen",
        street="Eckeseyer Straße 112",
        postal_code="58089",
        city="Hagen",
        domain="ruhrtal-praezision.example",
        phone="02331 000000-30",
        description=(
            "Lohnfertiger für CNC-Dreh- und Frästeile in kleinen und mittleren Serien, "
            "vor allem für Hydraulik und Fahrzeugtechnik."
        ),
        products="CNC-Drehteile, Frästeile, Baugruppenmontage",
        competences="5-Achs-Fräsen, Langdrehen, Messtechnik nach Zeichnung",
        sectors=("metallverarbeitung", "automotive"),
        occupations=("zerspanungsmechaniker", "industriemechaniker"),
        size="small",
        confirmed_on=date(2026, 8, 3),
        memberships=(member(INDIE, date(2011, 2, 15)),),
        contacts=(Contact("Dennis", "Brückner", "Geschäftsführer"),),
    ),
    OrganisationSeed(
        slug="volmetal-federn",
        name="Volmetal Federn & Stanztechnik GmbH",
        kind="company",
        region="hagen",
        street="Volmestraße 48",
        postal_code="58097",
        city="Hagen",
        domain="volmetal-federn.example",
        phone="02331 000000-40",
        description=(
            "Hersteller technischer Federn und Stanzbiegeteile für Automobilzulieferer, "
            "Elektrotechnik und Möbelbeschläge."
        ),
        products="Druckfedern, Zugfedern, Stanzbiegeteile, Drahtbiegeteile",
        competences="Federnberechnung, Werkzeugbau, Serienfertigung bis Millionenstückzahlen",
        sectors=("metallverarbeitung", "automotive"),
        occupations=("werkzeugmechaniker", "maschinenfuehrer", "industriekaufleute"),
        size="medium",
        public=False,
        confirmed_on=date(2025, 4, 14),
        memberships=(member(INDIE, date(2012, 6, 1)),),
        contacts=(Contact("Petra", "Hellwig", "Vertriebsleitung", show_phone=False),),
    ),
    OrganisationSeed(
        slug="lennewerk-kaltwalztechnik",
        name="Lennewerk Kaltwalztechnik GmbH",
        kind="company",
        region="hagen",
        street="Im Lennetal 9",
        postal_code="58093",
        city="Hagen",
        domain="lennewerk.example",
        phone="02331 000000-50",
        description=(
            "Kaltwalzwerk für Präzisionsbandstahl in engen Toleranzen; beliefert "
            "Stanzereien und Automobilzulieferer in ganz Europa."
        ),
        products="Kaltband, Präzisionsbandstahl, Spaltband",
        competences="Kaltwalzen, Glühen, Längsteilen, Werkstoffprüfung",
        sectors=("metallverarbeitung",),
        occupations=("maschinenfuehrer", "industriemechaniker", "elektroniker-betriebstechnik"),
        size="large",
        confirmed_on=date(2026, 11, 2),
        memberships=(
            applied(
                INDIE,
                "Wir suchen Partner für gemeinsame Ausbildung und Instandhaltung in der Region.",
            ),
        ),
        contacts=(Contact("Markus", "Teichert", "Leitung Technik"),),
    ),
    OrganisationSeed(
        slug="schwelmer-oberflaechentechnik",
        name="Schwelmer Oberflächentechnik GmbH",
        kind="company",
        region="ennepe-ruhr-kreis",
        street="Talstraße 31",
        postal_code="58332",
        city="Schwelm",
        domain="schwelmer-oberflaeche.example",
        phone="02336 000000-10",
        description=(
            "Galvanik- und Beschichtungsbetrieb für Stahl- und Aluminiumteile aus der "
            "Region, vom Muster bis zur Großserie."
        ),
        products="Verzinken, Zink-Nickel-Beschichtung, Pulverbeschichtung",
        competences="Korrosionsschutz, Salzsprühtest, Just-in-time-Logistik",
        sectors=("metallverarbeitung", "dienstleistung"),
        occupations=("oberflaechenbeschichter", "lagerlogistik"),
        size="small",
        public=False,
        confirmed_on=date(2026, 10, 30),
        memberships=(
            applied(
                INDIE,
                "Wir möchten uns mit Zulieferern im Verbund austauschen und an "
                "„Wirtschaft trifft Wirtschaft“ teilnehmen.",
            ),
        ),
        contacts=(Contact("Yvonne", "Kasper", "Qualitätsmanagement"),),
    ),
    OrganisationSeed(
        slug="gevelsberger-schmiedetechnik",
        name="Gevelsberger Schmiedetechnik GmbH",
        kind="company",
        region="ennepe-ruhr-kreis",
        street="Hagener Straße 210",
        postal_code="58285",
        city="Gevelsberg",
        domain="gevelsberger-schmiede.example",
        phone="02332 000000-10",
        description=(
            "Gesenkschmiede für sicherheitsrelevante Bauteile in Fahrzeug- und "
            "Maschinenbau, mit eigener mechanischer Bearbeitung."
        ),
        products="Gesenkschmiedeteile, Flansche, Achskomponenten",
        competences="Gesenkschmieden bis 40 kg, Wärmebehandlung, Zerspanung",
        sectors=("metallverarbeitung", "automotive", "maschinenbau"),
        occupations=("zerspanungsmechaniker", "werkzeugmechaniker", "industriemechaniker"),
        size="medium",
        confirmed_on=date(2025, 7, 21),
        memberships=(member(INDIE, date(2014, 9, 1)),),
        contacts=(Contact("Holger", "Dahlmann", "Technischer Leiter"),),
    ),
    OrganisationSeed(
        slug="ruhrsensor-messtechnik",
        name="Ruhrsensor Messtechnik GmbH",
        kind="company",
        region="ennepe-ruhr-kreis",
        street="Stockumer Straße 28",
        postal_code="58453",
        city="Witten",
        domain="ruhrsensor.example",
        phone="02302 000000-10",
        description=(
            "Entwickelt und fertigt Sensorik zur Zustandsüberwachung von Maschinen; "
            "Ausgründung aus der Hochschulforschung der Region."
        ),
        products="Schwingungssensoren, Condition-Monitoring-Systeme, Auswertesoftware",
        competences="Elektronikentwicklung, Embedded Software, Datenanalyse",
        sectors=("elektrotechnik", "it", "maschinenbau"),
        occupations=("elektroniker-betriebstechnik", "fachinformatiker"),
        size="small",
        confirmed_on=date(2026, 9, 9),
        memberships=(member(INDIE, date(2025, 12, 1)),),
        contacts=(
            Contact("Aylin", "Demir", "Geschäftsführerin"),
            Contact("Jonas", "Pieper", "Vertrieb", public=False),
        ),
    ),
    OrganisationSeed(
        slug="hattinger-konstruktion",
        name="Hattinger Konstruktion & Engineering GmbH",
        kind="company",
        region="ennepe-ruhr-kreis",
        street="Bahnhofstraße 7",
        postal_code="45525",
        city="Hattingen",
        domain="hattinger-konstruktion.example",
        phone="02324 000000-20",
        description=(
            "Ingenieurbüro für Konstruktion und Dokumentation im Sondermaschinenbau; "
            "arbeitet als verlängerte Werkbank für Maschinenbauer der Region."
        ),
        products="3D-Konstruktion, Technische Dokumentation, CE-Kennzeichnung",
        competences="Sondermaschinenbau, Maschinenrichtlinie, Risikobeurteilung",
        sectors=("dienstleistung", "maschinenbau"),
        occupations=("produktdesigner",),
        size="micro",
        public=False,
        confirmed_on=date(2026, 2, 2),
        memberships=(member(INDIE, date(2026, 6, 15)),),
        contacts=(Contact("Stefanie", "Runge", "Inhaberin"),),
    ),
)

"""Companies of the Netzwerk Produktion Bochum.

GEA is a real company named in the press releases; the others are fictional. Streets
are plausible, not necessarily real addresses; every contact person, e-mail address and
phone number is fictional.
"""

from datetime import date

from network_portal.demo.networks import INDIE, PRODUKTION_BOCHUM
from network_portal.demo.records import Contact, OrganisationSeed, applied, member

KICK_OFF = date(2008, 11, 6)

BOCHUM_COMPANIES = (
    OrganisationSeed(
        slug="gea-bochum",
        name="GEA Group AG (Standort Bochum)",
        kind="company",
        region="bochum",
        street="Dorstener Straße 484",
        postal_code="44809",
        city="Bochum",
        domain="gea.example",
        phone="0234 000000-50",
        description=(
            "Maschinen- und Anlagenbauer für die Lebensmittel-, Getränke- und "
            "Pharmaindustrie; steht mit seinen Produkten weltweit für Hightech made in "
            "Germany."
        ),
        products="Separatoren, Wärmetauscher, Prozessanlagen, Ventile und Pumpen",
        competences="Verfahrenstechnik, Anlagenplanung, Service",
        sectors=("maschinenbau", "energietechnik"),
        occupations=("industriemechaniker", "mechatroniker", "industriekaufleute"),
        size="large",
        confirmed_on=date(2026, 3, 3),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF), member(INDIE, date(2009, 11, 1))),
        contacts=(Contact("Matthias", "Rehbein", "Standortkommunikation", show_phone=False),),
    ),
    OrganisationSeed(
        slug="getriebebau-stiepel",
        name="Bochumer Getriebebau Stiepel GmbH",
        kind="company",
        region="bochum",
        street="Kemnader Straße 301",
        postal_code="44797",
        city="Bochum",
        domain="getriebebau-stiepel.example",
        phone="0234 000000-60",
        description=(
            "Konstruiert und fertigt Sondergetriebe für Tunnelbau, Bergbau und "
            "Schwerindustrie in Einzel- und Kleinserienfertigung."
        ),
        products="Sondergetriebe, Planetengetriebe, Getriebeprüfstände",
        competences="Verzahnungsschleifen, Getriebeberechnung, Prüfstandsbau",
        sectors=("maschinenbau",),
        occupations=("industriemechaniker", "zerspanungsmechaniker", "produktdesigner"),
        size="medium",
        confirmed_on=date(2026, 8, 18),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF), member(INDIE, date(2012, 4, 1))),
        contacts=(Contact("Heiko", "Schwarzer", "Geschäftsführer"),),
    ),
    OrganisationSeed(
        slug="wattenscheider-fahrzeugkomponenten",
        name="Wattenscheider Fahrzeugkomponenten GmbH",
        kind="company",
        region="bochum",
        street="Westenfelder Straße 90",
        postal_code="44866",
        city="Bochum",
        domain="wattenscheid-fahrzeug.example",
        phone="0234 000000-70",
        description=(
            "Automobilzulieferer für Sitzstrukturen und Karosserie-Baugruppen; "
            "hat sich nach dem Strukturwandel breiter aufgestellt und beliefert auch "
            "Nutzfahrzeug- und Schienenfahrzeughersteller."
        ),
        products="Sitzstrukturen, Schweißbaugruppen, Karosserieteile",
        competences="Robotergestütztes Schweißen, Serienfertigung nach IATF 16949",
        sectors=("automotive", "metallverarbeitung"),
        occupations=("mechatroniker", "maschinenfuehrer", "lagerlogistik"),
        size="medium",
        public=False,
        confirmed_on=date(2025, 8, 12),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF),),
        contacts=(Contact("Bianca", "Lewandowski", "Werkleitung"),),
    ),
    OrganisationSeed(
        slug="querenburg-praezisionsmechanik",
        name="Querenburg Präzisionsmechanik GmbH",
        kind="company",
        region="bochum",
        street="Hustadtring 65",
        postal_code="44801",
        city="Bochum",
        domain="querenburg-praezision.example",
        phone="0234 000000-80",
        description=(
            "Feinmechanische Fertigung für Labor- und Medizintechnik sowie Prototypen "
            "für Forschungseinrichtungen der Hochschulen."
        ),
        products="Präzisionsteile, Prototypen, Vorrichtungsbau",
        competences="Mikrozerspanung, Funkenerosion, Koordinatenmesstechnik",
        sectors=("metallverarbeitung", "maschinenbau"),
        occupations=("zerspanungsmechaniker", "industriemechaniker"),
        size="small",
        confirmed_on=date(2026, 6, 24),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF),),
        contacts=(Contact("Ole", "Marquardt", "Fertigungsleitung"),),
    ),
    OrganisationSeed(
        slug="schienentechnik-ruhr",
        name="Schienentechnik Ruhr GmbH",
        kind="company",
        region="bochum",
        street="Essener Straße 155",
        postal_code="44793",
        city="Bochum",
        domain="schienentechnik-ruhr.example",
        phone="0234 000000-90",
        description=(
            "Hersteller von Radsätzen, Drehgestellkomponenten und Instandhaltungslösungen "
            "für Stadtbahnen und Güterwagen – Verkehrstechnik aus Bochum."
        ),
        products="Radsätze, Drehgestellteile, Radsatzinstandhaltung",
        competences="Schienenfahrzeugtechnik, Ultraschallprüfung, Zulassungsverfahren",
        sectors=("verkehrstechnik", "metallverarbeitung"),
        occupations=("industriemechaniker", "zerspanungsmechaniker", "industriekaufleute"),
        size="medium",
        confirmed_on=date(2026, 10, 14),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF), member(INDIE, date(2026, 10, 1))),
        contacts=(Contact("Ulrike", "Feldhaus", "Leitung Vertrieb"),),
    ),
    OrganisationSeed(
        slug="langendreer-blechbearbeitung",
        name="Langendreer Blechbearbeitung GmbH",
        kind="company",
        region="bochum",
        street="Alte Bahnhofstraße 160",
        postal_code="44892",
        city="Bochum",
        domain="langendreer-blech.example",
        phone="0234 000000-110",
        description=(
            "Lohnfertiger für Laserschneiden, Kanten und Schweißen von Blechteilen für "
            "Maschinen- und Gerätebau."
        ),
        products="Laserzuschnitte, Kantteile, Schweißbaugruppen, Gehäuse",
        competences="Faserlaser bis 25 mm, Abkanten bis 4 m, Pulverbeschichtung über Partner",
        sectors=("metallverarbeitung",),
        occupations=("konstruktionsmechaniker", "maschinenfuehrer"),
        size="small",
        public=False,
        confirmed_on=date(2026, 5, 13),
        memberships=(member(PRODUKTION_BOCHUM, date(2009, 2, 1)),),
        contacts=(Contact("Kevin", "Szymanski", "Arbeitsvorbereitung"),),
    ),
    OrganisationSeed(
        slug="ruhr-mechatronik-systeme",
        name="Ruhr Mechatronik Systeme GmbH",
        kind="company",
        region="bochum",
        street="Lise-Meitner-Allee 4",
        postal_code="44801",
        city="Bochum",
        domain="ruhr-mechatronik.example",
        phone="0234 000000-120",
        description=(
            "Entwickelt Automatisierungslösungen und Handhabungssysteme für die "
            "Serienfertigung, vom Konzept bis zur Inbetriebnahme."
        ),
        products="Montageanlagen, Roboterzellen, Prüfstationen",
        competences="Robotik, Bildverarbeitung, Steuerungstechnik",
        sectors=("maschinenbau", "elektrotechnik"),
        occupations=("mechatroniker", "elektroniker-betriebstechnik", "produktdesigner"),
        size="small",
        confirmed_on=date(2026, 9, 2),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF),),
        contacts=(Contact("Tim", "Grabowski", "Geschäftsführer"),),
    ),
    OrganisationSeed(
        slug="bochumer-industrielogistik",
        name="Bochumer Industrielogistik GmbH",
        kind="company",
        region="bochum",
        street="Porschestraße 20",
        postal_code="44809",
        city="Bochum",
        domain="bochum-industrielogistik.example",
        phone="0234 000000-130",
        description=(
            "Logistikdienstleister für Produktionsbetriebe: Lagerhaltung, "
            "Ersatzteilversorgung und Transporte im Ruhrgebiet."
        ),
        products="Lagerlogistik, Ersatzteillager, Werksverkehr",
        competences="Lagerverwaltung, Verpackung für den Export, Zollabwicklung",
        sectors=("logistik", "dienstleistung"),
        occupations=("lagerlogistik", "industriekaufleute"),
        size="medium",
        confirmed_on=date(2025, 12, 1),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF),),
        contacts=(Contact("Sabrina", "Kowalczyk", "Key Account Management"),),
    ),
    OrganisationSeed(
        slug="kemnader-prueftechnik",
        name="Kemnader Prüftechnik GmbH",
        kind="company",
        region="bochum",
        street="Universitätsstraße 136",
        postal_code="44799",
        city="Bochum",
        domain="kemnader-pruef.example",
        phone="0234 000000-140",
        description=(
            "Akkreditiertes Prüflabor für Werkstoff- und Bauteilprüfung; unterstützt "
            "Unternehmen bei Schadensfällen und Qualifizierungen."
        ),
        products="Zugversuche, Härteprüfung, Metallografie, Schadensanalysen",
        competences="Werkstoffprüfung, Schadensanalyse, Gutachten",
        sectors=("dienstleistung", "metallverarbeitung"),
        size="micro",
        confirmed_on=date(2026, 7, 7),
        memberships=(member(PRODUKTION_BOCHUM, KICK_OFF),),
        contacts=(Contact("Friederike", "Olbrich", "Laborleitung"),),
    ),
    OrganisationSeed(
        slug="hannibal-foerdertechnik",
        name="Hannibal Fördertechnik GmbH",
        kind="company",
        region="bochum",
        street="Günnigfelder Straße 25",
        postal_code="44866",
        city="Bochum",
        domain="hannibal-foerdertechnik.example",
        phone="0234 000000-150",
        description=(
            "Baut Förderbänder und Stetigförderer für Schüttgut und Stückgut, "
            "einschließlich Steuerung und Wartung."
        ),
        products="Gurtförderer, Rollenbahnen, Becherwerke",
        competences="Fördertechnik, Anlagenplanung, Wartungsverträge",
        sectors=("maschinenbau",),
        occupations=("industriemechaniker", "konstruktionsmechaniker"),
        size="small",
        confirmed_on=date(2026, 11, 16),
        memberships=(
            applied(
                PRODUKTION_BOCHUM,
                "Wir suchen Partner in Bochum für Konstruktion und Steuerungstechnik.",
            ),
        ),
        contacts=(Contact("Anton", "Weidemann", "Inhaber"),),
    ),
    OrganisationSeed(
        slug="ruhrpott-industrie-software",
        name="Ruhrpott Industrie-Software GmbH",
        kind="company",
        region="bochum",
        street="Gahlensche Straße 40",
        postal_code="44809",
        city="Bochum",
        domain="ruhrpott-software.example",
        phone="0234 000000-160",
        description=(
            "Entwickelt Software für Instandhaltungsplanung und Schichtbuch in "
            "Produktionsbetrieben."
        ),
        products="Instandhaltungssoftware, digitales Schichtbuch, Schnittstellenentwicklung",
        competences="Webentwicklung, mobile Apps für die Werkhalle, Datenintegration",
        sectors=("it",),
        occupations=("fachinformatiker",),
        size="micro",
        confirmed_on=date(2026, 4, 29),
        memberships=(member(PRODUKTION_BOCHUM, date(2010, 5, 1)),),
        contacts=(Contact("Lukas", "Bremer", "Geschäftsführer"),),
    ),
)

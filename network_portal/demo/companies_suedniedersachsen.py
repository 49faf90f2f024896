"""Fictional companies of the VerpackungsCluster Südniedersachsen and of MEKOM Osterode.

Every company, contact person, e-mail address and phone number here is fictional.
"""

from datetime import date

from network_portal.demo.networks import MEKOM, VERPACKUNG
from network_portal.demo.records import Contact, OrganisationSeed, applied, member

MEKOM_FOUNDED = date(2000, 10, 1)

PACKAGING_COMPANIES = (
    OrganisationSeed(
        slug="goettinger-faltschachtel",
        name="Göttinger Faltschachtel GmbH",
        kind="company",
        region="goettingen",
        street="Königsallee 15",
        postal_code="37081",
        city="Göttingen",
        domain="goettinger-faltschachtel.example",
        phone="0551 000000-30",
        description=(
            "Produziert bedruckte Faltschachteln für Lebensmittel, Kosmetik und Pharma "
            "im Offset- und Digitaldruck."
        ),
        products="Faltschachteln, Displays, Verkaufsverpackungen",
        competences="Verpackungsentwicklung, Offsetdruck, Stanzen und Kleben",
        sectors=("verpackung",),
        occupations=("packmitteltechnologe", "verpackungsmittelmechaniker", "maschinenfuehrer"),
        size="medium",
        confirmed_on=date(2026, 9, 17),
        memberships=(member(VERPACKUNG, date(2005, 6, 1)),),
        contacts=(Contact("Birgit", "Eilers", "Vertriebsleitung"),),
    ),
    OrganisationSeed(
        slug="leinetal-kunststoffverpackungen",
        name="Leinetal Kunststoffverpackungen GmbH",
        kind="company",
        region="goettingen",
        street="Industriestraße 8",
        postal_code="37124",
        city="Rosdorf",
        domain="leinetal-verpackungen.example",
        phone="0551 000000-60",
        description=(
            "Hersteller von Kunststoffbechern, Deckeln und Schalen im Spritzguss- und "
            "Thermoformverfahren, zunehmend aus Rezyklat."
        ),
        products="Becher, Deckel, Schalen, Mehrwegbehälter",
        competences="Thermoformen, Spritzguss, In-Mould-Labeling, Rezyklateinsatz",
        sectors=("kunststofftechnik", "verpackung"),
        occupations=("kunststoffverfahrensmechaniker", "werkzeugmechaniker"),
        size="medium",
        confirmed_on=date(2026, 2, 24),
        memberships=(member(VERPACKUNG, date(2006, 1, 15)),),
        contacts=(Contact("Florian", "Wedekind", "Technische Leitung"),),
    ),
    OrganisationSeed(
        slug="etikettendruck-suedniedersachsen",
        name="Südniedersächsische Etikettendruck GmbH",
        kind="company",
        region="goettingen",
        street="Hannah-Vogt-Straße 3",
        postal_code="37085",
        city="Göttingen",
        domain="etikettendruck-sn.example",
        phone="0551 000000-40",
        description=(
            "Druckt Haftetiketten und flexible Verpackungen für Lebensmittel- und "
            "Getränkehersteller der Region."
        ),
        products="Haftetiketten, Schrumpfsleeves, Flexodruck",
        competences="Flexodruck, Veredelung, Kleinauflagen im Digitaldruck",
        sectors=("verpackung",),
        occupations=("packmitteltechnologe", "industriekaufleute"),
        size="small",
        public=False,
        confirmed_on=date(2025, 6, 30),
        memberships=(member(VERPACKUNG, date(2008, 4, 1)),),
        contacts=(Contact("Helena", "Brandes", "Geschäftsführerin"),),
    ),
    OrganisationSeed(
        slug="weserbergland-verpackungsmaschinen",
        name="Weserbergland Verpackungsmaschinen GmbH",
        kind="company",
        region="goettingen",
        street="Werraweg 20",
        postal_code="34346",
        city="Hann. Münden",
        domain="weserbergland-maschinen.example",
        phone="05541 000000-10",
        description=(
            "Baut Kartonier- und Endverpackungsmaschinen für mittelständische "
            "Lebensmittelhersteller und liefert Formatteile nach."
        ),
        products="Kartoniermaschinen, Trayverpacker, Formatteile",
        competences="Sondermaschinenbau, Servoantriebe, Formatwechsel ohne Werkzeug",
        sectors=("maschinenbau", "verpackung"),
        occupations=("mechatroniker", "industriemechaniker", "elektroniker-betriebstechnik"),
        size="medium",
        confirmed_on=date(2026, 10, 26),
        memberships=(member(VERPACKUNG, date(2007, 9, 1)),),
        contacts=(Contact("Robert", "Lindemann", "Konstruktionsleiter"),),
    ),
    OrganisationSeed(
        slug="eichsfelder-kartonagen",
        name="Eichsfelder Kartonagen GmbH",
        kind="company",
        region="goettingen",
        street="Göttinger Straße 60",
        postal_code="37115",
        city="Duderstadt",
        domain="eichsfelder-kartonagen.example",
        phone="05527 000000-10",
        description=(
            "Wellpappenverarbeiter für Versand- und Transportverpackungen in "
            "Kleinserien und nach Kundenmaß."
        ),
        products="Faltkisten, Stanzverpackungen, Polsterverpackungen",
        competences="Musterbau, Plotterzuschnitt, kurze Lieferzeiten",
        sectors=("verpackung",),
        occupations=("verpackungsmittelmechaniker", "lagerlogistik"),
        size="small",
        confirmed_on=date(2026, 1, 8),
        memberships=(member(VERPACKUNG, date(2012, 2, 1)),),
        contacts=(Contact("Marco", "Gerlach", "Inhaber"),),
    ),
    OrganisationSeed(
        slug="goettinger-verpackungslogistik",
        name="Göttinger Verpackungslogistik GmbH",
        kind="company",
        region="goettingen",
        street="Im Rehgrund 5",
        postal_code="37120",
        city="Bovenden",
        domain="goe-verpackungslogistik.example",
        phone="0551 000000-70",
        description=(
            "Übernimmt Konfektionierung, Lohnverpackung und Lagerung für Hersteller "
            "aus Südniedersachsen."
        ),
        products="Lohnverpackung, Konfektionierung, Lagerung",
        competences="Co-Packing, Displaybau, Lebensmittellogistik",
        sectors=("logistik", "verpackung", "dienstleistung"),
        occupations=("lagerlogistik",),
        size="small",
        confirmed_on=date(2026, 11, 5),
        memberships=(
            applied(
                VERPACKUNG,
                "Wir möchten Seminare der VerpackungsAkademie nutzen und Partner finden.",
            ),
        ),
        contacts=(Contact("Tanja", "Fricke", "Betriebsleitung"),),
    ),
    OrganisationSeed(
        slug="plesse-prueflabor",
        name="Plesse Prüflabor Verpackung GmbH",
        kind="company",
        region="goettingen",
        street="Rudolf-Wissell-Straße 9",
        postal_code="37120",
        city="Bovenden",
        domain="plesse-prueflabor.example",
        phone="0551 000000-80",
        description=(
            "Prüflabor für Verpackungen: Transportsimulation, Materialprüfung und "
            "Migrationsanalysen für Lebensmittelkontakt."
        ),
        products="Falltests, Klimaprüfungen, Migrationsprüfungen",
        competences="Verpackungsprüfung nach ISTA, Lebensmittelrecht",
        sectors=("dienstleistung", "verpackung"),
        size="micro",
        public=False,
        confirmed_on=date(2026, 8, 11),
        memberships=(member(VERPACKUNG, date(2026, 4, 1)),),
        contacts=(Contact("Jana", "Ostermeier", "Laborleiterin"),),
    ),
)

MEKOM_COMPANIES = (
    OrganisationSeed(
        slug="harzer-giesserei-soesetal",
        name="Harzer Gießerei Sösetal GmbH",
        kind="company",
        region="osterode-am-harz",
        street="Sösestraße 40",
        postal_code="37520",
        city="Osterode am Harz",
        domain="giesserei-soesetal.example",
        phone="05522 000000-10",
        description=(
            "Eisengießerei für Gussteile im Maschinen- und Pumpenbau mit eigener "
            "mechanischer Bearbeitung."
        ),
        products="Grauguss, Sphäroguss, bearbeitete Gussteile",
        competences="Handformguss bis 2 t, Modellbau, Bearbeitung",
        sectors=("metallverarbeitung", "maschinenbau"),
        occupations=("zerspanungsmechaniker", "maschinenfuehrer", "industriekaufleute"),
        size="medium",
        confirmed_on=date(2026, 5, 6),
        memberships=(member(MEKOM, MEKOM_FOUNDED),),
        contacts=(Contact("Wolfgang", "Hentschel", "Geschäftsführer"),),
    ),
    OrganisationSeed(
        slug="osteroder-formenbau",
        name="Osteroder Kunststoff- und Formenbau GmbH",
        kind="company",
        region="osterode-am-harz",
        street="Dörgestraße 12",
        postal_code="37520",
        city="Osterode am Harz",
        domain="osteroder-formenbau.example",
        phone="05522 000000-20",
        description=(
            "Formenbau und Spritzguss für Verpackungs- und Elektroindustrie, seit 2013 "
            "auch im VerpackungsCluster aktiv."
        ),
        products="Spritzgießwerkzeuge, Spritzgussteile, Werkzeugwartung",
        competences="Werkzeugkonstruktion, Heißkanaltechnik, Musterung",
        sectors=("kunststofftechnik", "verpackung"),
        occupations=("werkzeugmechaniker", "kunststoffverfahrensmechaniker"),
        size="small",
        confirmed_on=date(2026, 9, 29),
        memberships=(member(MEKOM, date(2001, 3, 1)), member(VERPACKUNG, date(2013, 6, 1))),
        contacts=(Contact("Sarah", "Kirchhoff", "Projektleitung"),),
    ),
    OrganisationSeed(
        slug="harz-elektroanlagen",
        name="Harz Elektroanlagen GmbH",
        kind="company",
        region="osterode-am-harz",
        street="Juesseeweg 3",
        postal_code="37412",
        city="Herzberg am Harz",
        domain="harz-elektroanlagen.example",
        phone="05521 000000-10",
        description=(
            "Elektroinstallation und Steuerungsbau für Industrie und Gewerbe im "
            "Südharz, mit 24-Stunden-Störungsdienst."
        ),
        products="Industrieinstallation, Schaltschrankbau, Photovoltaik",
        competences="Elektroprüfung, Steuerungstechnik, Energieeffizienz",
        sectors=("elektrotechnik", "energietechnik"),
        occupations=("elektroniker-betriebstechnik",),
        size="small",
        confirmed_on=date(2025, 3, 18),
        memberships=(member(MEKOM, date(2004, 1, 1)),),
        contacts=(Contact("Detlef", "Bormann", "Meister und Inhaber"),),
    ),
    OrganisationSeed(
        slug="oberharzer-maschinenbau",
        name="Oberharzer Maschinenbau GmbH",
        kind="company",
        region="osterode-am-harz",
        street="Schulstraße 6",
        postal_code="37539",
        city="Bad Grund (Harz)",
        domain="oberharzer-maschinenbau.example",
        phone="05327 000000-10",
        description=(
            "Fertigt Baugruppen und Sondermaschinen für Hersteller aus der Region, "
            "von der Konstruktion bis zur Montage."
        ),
        products="Sondermaschinen, Vorrichtungen, Baugruppen",
        competences="Konstruktion, Zerspanung, Montage",
        sectors=("maschinenbau",),
        occupations=("industriemechaniker", "zerspanungsmechaniker", "produktdesigner"),
        size="small",
        public=False,
        confirmed_on=date(2026, 7, 22),
        memberships=(member(MEKOM, MEKOM_FOUNDED),),
        contacts=(Contact("Jörn", "Sievers", "Geschäftsführer"),),
    ),
    OrganisationSeed(
        slug="odertal-verpackungsdruck",
        name="Odertal Verpackungsdruck GmbH",
        kind="company",
        region="osterode-am-harz",
        street="Hauptstraße 90",
        postal_code="37431",
        city="Bad Lauterberg im Harz",
        domain="odertal-druck.example",
        phone="05524 000000-10",
        description=(
            "Druckerei für Verpackungen und Beipackzettel; schickt ihre Beschäftigten "
            "zu Vertriebsseminaren der VerpackungsAkademie."
        ),
        products="Beipackzettel, Faltschachteln, Etiketten",
        competences="Bogenoffset, Pharmacode, Falz- und Klebetechnik",
        sectors=("verpackung",),
        occupations=("packmitteltechnologe", "verpackungsmittelmechaniker"),
        size="small",
        confirmed_on=date(2026, 3, 31),
        memberships=(member(MEKOM, date(2003, 5, 1)), member(VERPACKUNG, date(2013, 1, 15))),
        contacts=(Contact("Ingrid", "Koch", "Personal und Ausbildung"),),
    ),
    OrganisationSeed(
        slug="soesetal-logistik",
        name="Sösetal Logistik GmbH",
        kind="company",
        region="osterode-am-harz",
        street="Am Bahnhof 4",
        postal_code="37520",
        city="Osterode am Harz",
        domain="soesetal-logistik.example",
        phone="05522 000000-30",
        description=(
            "Spedition und Lagerlogistik für Industriebetriebe im Harzvorland, mit "
            "Gefahrgutlager und Nahverkehr."
        ),
        products="Nahverkehr, Teilladungen, Lagerlogistik",
        competences="Gefahrgut, Sendungsverfolgung, Lagerverwaltung",
        sectors=("logistik",),
        occupations=("lagerlogistik", "industriekaufleute"),
        size="small",
        confirmed_on=date(2026, 6, 16),
        memberships=(member(MEKOM, date(2009, 9, 1)),),
        contacts=(Contact("Rüdiger", "Lampe", "Disposition"),),
    ),
)

SOUTH_LOWER_SAXONY_COMPANIES = PACKAGING_COMPANIES + MEKOM_COMPANIES

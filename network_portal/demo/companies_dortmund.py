"""Companies in Dortmund, Herne and Castrop-Rauxel, members of In|Die RegionRuhr.

WILO and KHS are real companies named in the press releases; the others are fictional.
Streets are plausible, not necessarily real addresses; every contact person, e-mail
address and phone number is fictional.
"""

from datetime import date

from network_portal.demo.networks import INDIE, VERPACKUNG
from network_portal.demo.records import Contact, OrganisationSeed, applied, member

DORTMUND_HERNE_COMPANIES = (
    OrganisationSeed(
        slug="wilo",
        name="WILO SE",
        kind="company",
        region="dortmund",
        street="Wilopark 1",
        postal_code="44263",
        city="Dortmund",
        domain="wilo.example",
        phone="0231 000000-40",
        description=(
            "Hersteller von Pumpen und Pumpensystemen für Gebäudetechnik, Wasserwirtschaft "
            "und Industrie mit Stammsitz in Dortmund."
        ),
        products="Heizungs- und Umwälzpumpen, Trinkwasser- und Abwasserpumpen, Pumpensysteme",
        competences="Hydraulik, Elektronik und Antriebe, vernetzte Pumpensysteme",
        sectors=("maschinenbau", "elektrotechnik", "energietechnik"),
        occupations=(
            "industriemechaniker",
            "mechatroniker",
            "elektroniker-betriebstechnik",
            "fachinformatiker",
            "industriekaufleute",
        ),
        size="large",
        confirmed_on=date(2026, 7, 14),
        memberships=(member(INDIE, date(2009, 11, 1)),),
        contacts=(Contact("Christian", "Lohmeyer", "Einkauf, Lieferantennetzwerk Region"),),
    ),
    OrganisationSeed(
        slug="khs",
        name="KHS GmbH",
        kind="company",
        region="dortmund",
        street="Juchostraße 20",
        postal_code="44143",
        city="Dortmund",
        domain="khs.example",
        phone="0231 000000-50",
        description=(
            "Hersteller von Abfüll- und Verpackungsanlagen für Getränke, Lebensmittel "
            "und Non-Food-Produkte."
        ),
        products="Abfüllanlagen, Verpackungsmaschinen, PET-Systeme, Linienservice",
        competences="Abfülltechnik, Verpackungstechnik, Anlagenautomatisierung",
        sectors=("maschinenbau", "verpackung"),
        occupations=(
            "industriemechaniker",
            "mechatroniker",
            "elektroniker-betriebstechnik",
            "produktdesigner",
        ),
        size="large",
        confirmed_on=date(2026, 6, 3),
        memberships=(member(INDIE, date(2009, 11, 1)), member(VERPACKUNG, date(2016, 3, 1))),
        contacts=(Contact("Sandra", "Pohlmann", "Ausbildungskoordination"),),
    ),
    OrganisationSeed(
        slug="hoerder-stahl-anlagenbau",
        name="Hörder Stahl- und Anlagenbau GmbH",
        kind="company",
        region="dortmund",
        street="Hermannstraße 77",
        postal_code="44263",
        city="Dortmund",
        domain="hoerder-stahlbau.example",
        phone="0231 000000-60",
        description=(
            "Stahl- und Anlagenbauer für Fördertechnik, Bühnen und Maschinengestelle; "
            "fertigt und montiert vom Einzelteil bis zur kompletten Anlage."
        ),
        products="Stahlkonstruktionen, Fördertechnik, Maschinengestelle, Montage",
        competences="Schweißtechnik nach EN 1090, Montage, Anlagenverlagerung",
        sectors=("maschinenbau", "metallverarbeitung"),
        occupations=("konstruktionsmechaniker", "industriemechaniker", "produktdesigner"),
        size="medium",
        confirmed_on=date(2025, 10, 6),
        memberships=(member(INDIE, date(2013, 5, 1)),),
        contacts=(Contact("Georg", "Wittkamp", "Geschäftsführer"),),
    ),
    OrganisationSeed(
        slug="borsigplatz-schaltanlagenbau",
        name="Borsigplatz Schaltanlagenbau GmbH",
        kind="company",
        region="dortmund",
        street="Oesterholzstraße 50",
        postal_code="44145",
        city="Dortmund",
        domain="borsigplatz-schaltanlagen.example",
        phone="0231 000000-70",
        description=(
            "Baut Schaltanlagen und Steuerungen für Maschinenbauer und Versorger und "
            "übernimmt Inbetriebnahme und Service."
        ),
        products="Niederspannungs-Schaltanlagen, Steuerungsbau, SPS-Programmierung",
        competences="Elektrokonstruktion, Schaltschrankbau nach UL, Inbetriebnahme",
        sectors=("elektrotechnik", "dienstleistung"),
        occupations=("elektroniker-betriebstechnik", "mechatroniker"),
        size="small",
        public=False,
        confirmed_on=date(2026, 4, 9),
        memberships=(member(INDIE, date(2015, 2, 1)),),
        contacts=(Contact("Ludger", "Brinkhoff", "Projektleitung", show_email=False),),
    ),
    OrganisationSeed(
        slug="westfalendata-industrie-it",
        name="Westfalendata Industrie-IT GmbH",
        kind="company",
        region="dortmund",
        street="Emil-Figge-Straße 76",
        postal_code="44227",
        city="Dortmund",
        domain="westfalendata.example",
        phone="0231 000000-80",
        description=(
            "Softwarehaus für Fertigungs-IT: vernetzt Maschinen, Lager und ERP bei "
            "mittelständischen Produktionsbetrieben."
        ),
        products="MES-Einführung, Maschinendatenerfassung, IT-Sicherheit für Produktion",
        competences="OPC UA, Datenbanken, Schnittstellen zu ERP-Systemen",
        sectors=("it", "dienstleistung"),
        occupations=("fachinformatiker", "industriekaufleute"),
        size="small",
        confirmed_on=date(2026, 11, 10),
        memberships=(member(INDIE, date(2026, 2, 1)),),
        contacts=(Contact("Fabian", "Neumeier", "Vertrieb und Beratung"),),
    ),
    OrganisationSeed(
        slug="emschertal-antriebstechnik",
        name="Emschertal Antriebstechnik GmbH",
        kind="company",
        region="herne",
        street="Hölkeskampring 120",
        postal_code="44625",
        city="Herne",
        domain="emschertal-antriebe.example",
        phone="02323 000000-20",
        description=(
            "Fertigt Getriebe und Antriebseinheiten für Förder- und Umwelttechnik und "
            "überholt Antriebe im Kundenauftrag."
        ),
        products="Stirnradgetriebe, Kegelradgetriebe, Getriebeinstandsetzung",
        competences="Verzahnung, Montage, Schadensanalyse",
        sectors=("maschinenbau", "energietechnik"),
        occupations=("industriemechaniker", "zerspanungsmechaniker", "mechatroniker"),
        size="medium",
        confirmed_on=date(2026, 1, 27),
        memberships=(member(INDIE, date(2010, 10, 1)),),
        contacts=(Contact("Thorsten", "Kampmann", "Leiter Service"),),
    ),
    OrganisationSeed(
        slug="schachtzeichen-kunststofftechnik",
        name="Schachtzeichen Kunststofftechnik GmbH",
        kind="company",
        region="herne",
        street="Südstraße 14",
        postal_code="44649",
        city="Herne",
        domain="schachtzeichen-kunststoff.example",
        phone="02323 000000-30",
        description=(
            "Spritzgießer für technische Kunststoffteile mit eigenem Formenbau; "
            "Zulieferer für Elektrotechnik und Fahrzeugbau."
        ),
        products="Spritzgussteile, Zwei-Komponenten-Teile, Baugruppen",
        competences="Formenbau, Mehrkomponenten-Spritzguss, Reinraummontage",
        sectors=("kunststofftechnik", "automotive"),
        occupations=("kunststoffverfahrensmechaniker", "werkzeugmechaniker"),
        size="small",
        public=False,
        confirmed_on=date(2025, 5, 19),
        memberships=(member(INDIE, date(2016, 11, 1)),),
        contacts=(Contact("Nadine", "Sobczak", "Kaufmännische Leitung"),),
    ),
    OrganisationSeed(
        slug="rhein-herne-logistikpartner",
        name="Rhein-Herne Logistikpartner GmbH",
        kind="company",
        region="castrop-rauxel",
        street="Westring 28",
        postal_code="44579",
        city="Castrop-Rauxel",
        domain="rhein-herne-logistik.example",
        phone="02305 000000-10",
        description=(
            "Kontraktlogistiker am Rhein-Herne-Kanal: Lager, Kommissionierung und "
            "Produktionsversorgung für Industriekunden im Ruhrgebiet."
        ),
        products="Kontraktlogistik, Produktionsversorgung, Schwerlastlager",
        competences="Just-in-sequence, Gefahrstofflager, Verpackungsdienstleistung",
        sectors=("logistik", "dienstleistung"),
        occupations=("lagerlogistik", "industriekaufleute"),
        size="medium",
        confirmed_on=date(2026, 9, 25),
        memberships=(member(INDIE, date(2026, 9, 1)),),
        contacts=(Contact("Sven", "Hülsmann", "Niederlassungsleiter"),),
    ),
    OrganisationSeed(
        slug="ickern-industrieservice",
        name="Ickern Industrieservice GmbH",
        kind="company",
        region="castrop-rauxel",
        street="Ickerner Straße 55",
        postal_code="44581",
        city="Castrop-Rauxel",
        domain="ickern-service.example",
        phone="02305 000000-20",
        description=(
            "Instandhaltungs- und Montagedienstleister für Produktionsanlagen, "
            "von der Wartung bis zur Anlagenverlagerung."
        ),
        products="Instandhaltung, Maschinenumzüge, Industriemontage",
        competences="Mechanische und elektrische Instandhaltung, Schichtservice",
        sectors=("dienstleistung", "maschinenbau"),
        occupations=("industriemechaniker", "elektroniker-betriebstechnik"),
        size="small",
        confirmed_on=date(2026, 11, 12),
        memberships=(
            applied(
                INDIE,
                "Als Dienstleister für Instandhaltung möchten wir Produktionsbetriebe "
                "der Region kennenlernen.",
            ),
        ),
        contacts=(Contact("Dirk", "Overbeck", "Geschäftsführer"),),
    ),
)

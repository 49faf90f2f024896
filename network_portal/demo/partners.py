"""Partner organisations: agencies, chambers, universities and the national office.

The organisations are real; streets may differ from their real addresses, and every
contact person, e-mail address and phone number is fictional.
"""

from datetime import date

from network_portal.demo.networks import INDIE, MEKOM, NATIONAL, PRODUKTION_BOCHUM, VERPACKUNG
from network_portal.demo.records import Contact, OrganisationSeed, founding_partner, partner

INDIE_FOUNDED = date(2009, 9, 1)
PRODUKTION_KICK_OFF = date(2008, 11, 6)
COOPERATION_2013 = date(2013, 1, 1)

RUHR_AGENCIES = (
    OrganisationSeed(
        slug="wirtschaftsfoerderung-dortmund",
        name="Wirtschaftsförderung Dortmund",
        kind="agency",
        region="dortmund",
        street="Grüne Straße 2-8",
        postal_code="44147",
        city="Dortmund",
        domain="wirtschaftsfoerderung-dortmund.example",
        phone="0231 000000-10",
        description=(
            "Die Wirtschaftsförderung der Stadt Dortmund begleitet Unternehmen bei "
            "Ansiedlung, Wachstum und Innovation und pflegt seit langem branchenorientierte "
            "Netzwerke mit Partnern aus Wissenschaft und Wirtschaft."
        ),
        products="Standortberatung, Fördermittelberatung, Branchennetzwerke, Fachkräfteservice",
        confirmed_on=date(2026, 9, 15),
        memberships=(founding_partner(INDIE, INDIE_FOUNDED),),
        contacts=(Contact("Tobias", "Kleinschmidt", "Branchenmanager Produktionswirtschaft"),),
    ),
    OrganisationSeed(
        slug="bochum-wirtschaftsentwicklung",
        name="Bochum Wirtschaftsentwicklung",
        kind="agency",
        region="bochum",
        street="Viktoriastraße 10",
        postal_code="44787",
        city="Bochum",
        domain="bochum-wirtschaft.example",
        phone="0234 000000-10",
        description=(
            "Die Bochumer Wirtschaftsentwicklung mit der Wachstumsinitiative Bochum 2015 "
            "stärkt die Fokusbranchen der Stadt. Verkehrstechnik sowie Maschinen- und "
            "Anlagenbau zählen mit fast 26.000 Beschäftigten zu den wichtigsten; die "
            "Vernetzung der Unternehmen untereinander und mit den Bochumer Hochschulen "
            "ist ein zentraler Ansatz."
        ),
        products="Branchenmanagement, Netzwerk Produktion, Kooperationsanbahnung",
        confirmed_on=date(2026, 10, 2),
        memberships=(
            founding_partner(INDIE, INDIE_FOUNDED),
            founding_partner(PRODUKTION_BOCHUM, PRODUKTION_KICK_OFF),
        ),
        contacts=(
            Contact("Lena", "Hartmann", "Branchenmanagerin Automotive"),
            Contact("Sebastian", "Vogt", "Branchenmanager Maschinen- und Anlagenbau"),
        ),
    ),
    OrganisationSeed(
        slug="hagen-wirtschaftsentwicklung",
        name="Hagen.Wirtschaftsentwicklung",
        kind="agency",
        region="hagen",
        street="Körnerstraße 25",
        postal_code="58095",
        city="Hagen",
        domain="hagen-wirtschaft.example",
        phone="02331 000000-10",
        description=(
            "Die Wirtschaftsförderung der Stadt Hagen unterstützt die metallverarbeitende "
            "Industrie und ihre Zulieferer mit Flächen, Fördermitteln und Kontakten."
        ),
        products="Unternehmensservice, Flächenmanagement, Fördermittellotse",
        confirmed_on=date(2026, 3, 20),
        memberships=(founding_partner(INDIE, INDIE_FOUNDED),),
        contacts=(Contact("Anja", "Rosenthal", "Unternehmensservice Industrie"),),
    ),
    OrganisationSeed(
        slug="wirtschaftsfoerderung-herne",
        name="Wirtschaftsförderung Herne",
        kind="agency",
        region="herne",
        street="Westring 303",
        postal_code="44629",
        city="Herne",
        domain="wirtschaftsfoerderung-herne.example",
        phone="02323 000000-10",
        description=(
            "Die Herner Wirtschaftsförderung ist erste Anlaufstelle für Unternehmen am "
            "Standort und vernetzt Produktion, Logistik und Dienstleistung in der Region."
        ),
        products="Bestandspflege, Ansiedlungsberatung, Netzwerkveranstaltungen",
        confirmed_on=date(2025, 11, 4),
        memberships=(founding_partner(INDIE, INDIE_FOUNDED),),
        contacts=(Contact("Mehmet", "Yilmaz", "Unternehmensservice", show_phone=False),),
    ),
    OrganisationSeed(
        slug="en-agentur",
        name="EN-Agentur – Wirtschaftsförderungsagentur Ennepe-Ruhr",
        kind="agency",
        region="ennepe-ruhr-kreis",
        street="Bahnhofstraße 40",
        postal_code="45525",
        city="Hattingen",
        domain="en-agentur.example",
        phone="02324 000000-10",
        description=(
            "Die Wirtschaftsförderungsagentur des Ennepe-Ruhr-Kreises berät Unternehmen "
            "in den neun Städten des Kreises. Mit der Reihe „Wirtschaft trifft Wirtschaft“ "
            "bringt sie Entscheider aus Produktionsunternehmen zusammen, etwa zur "
            "Verbundausbildung."
        ),
        products="Veranstaltungsreihe „Wirtschaft trifft Wirtschaft“, Verbundausbildung, "
        "Fördermittelberatung",
        confirmed_on=date(2026, 6, 11),
        memberships=(founding_partner(INDIE, INDIE_FOUNDED),),
        contacts=(Contact("Claudia", "Wehling", "Projektleitung Verbundausbildung"),),
    ),
)

CHAMBERS = (
    OrganisationSeed(
        slug="ihk-dortmund",
        name="IHK zu Dortmund",
        kind="ihk",
        region="dortmund",
        street="Märkische Straße 120",
        postal_code="44141",
        city="Dortmund",
        domain="ihk-dortmund.example",
        phone="0231 000000-20",
        description=(
            "Die Industrie- und Handelskammer zu Dortmund vertritt die gewerbliche "
            "Wirtschaft in Dortmund, Hamm und dem Kreis Unna und berät zu Ausbildung, "
            "Innovation und Außenwirtschaft."
        ),
        products="Ausbildungsberatung, Innovationsberatung, Prüfungen",
        confirmed_on=date(2026, 8, 27),
        memberships=(
            founding_partner(INDIE, INDIE_FOUNDED),
            partner(NATIONAL, date(2021, 3, 16)),
        ),
        contacts=(Contact("Frank", "Oppermann", "Referent Industrie und Technologie"),),
    ),
    OrganisationSeed(
        slug="ihk-mittleres-ruhrgebiet",
        name="IHK Mittleres Ruhrgebiet",
        kind="ihk",
        region="bochum",
        street="Ostring 30-32",
        postal_code="44787",
        city="Bochum",
        domain="ihk-mittleres-ruhrgebiet.example",
        phone="0234 000000-20",
        description=(
            "Die IHK Mittleres Ruhrgebiet ist die Kammer für Bochum, Hattingen, Herne und "
            "Witten und begleitet Industrieunternehmen bei Fachkräftesicherung und Transfer."
        ),
        products="Ausbildungsberatung, Technologietransfer, Standortpolitik",
        confirmed_on=date(2026, 5, 5),
        memberships=(founding_partner(INDIE, INDIE_FOUNDED),),
        contacts=(Contact("Julia", "Sander", "Referentin Industrie"),),
    ),
    OrganisationSeed(
        slug="sihk-hagen",
        name="SIHK zu Hagen",
        kind="ihk",
        region="hagen",
        street="Bahnhofstraße 18",
        postal_code="58095",
        city="Hagen",
        domain="sihk-hagen.example",
        phone="02331 000000-20",
        description=(
            "Die Südwestfälische Industrie- und Handelskammer zu Hagen vertritt die "
            "Unternehmen in Hagen, im Märkischen Kreis und im Ennepe-Ruhr-Kreis und "
            "unterstützt Betriebe bei der Aus- und Verbundausbildung."
        ),
        products="Ausbildungsberatung, Verbundausbildung, Industrie- und Innovationsberatung",
        confirmed_on=date(2026, 7, 1),
        memberships=(
            founding_partner(INDIE, INDIE_FOUNDED),
            partner(NATIONAL, date(2021, 3, 16)),
        ),
        contacts=(Contact("Ralf", "Dietrich", "Leiter Aus- und Weiterbildung"),),
    ),
    OrganisationSeed(
        slug="hwk-dortmund",
        name="Handwerkskammer Dortmund",
        kind="hwk",
        region="dortmund",
        street="Ardeystraße 93",
        postal_code="44139",
        city="Dortmund",
        domain="hwk-dortmund.example",
        phone="0231 000000-30",
        description=(
            "Die Handwerkskammer Dortmund vertritt das Handwerk der Region und verbindet "
            "Handwerksbetriebe mit der Industrie entlang der gesamten Wertschöpfungskette."
        ),
        products="Betriebsberatung, Meisterschule, Technologietransfer im Handwerk",
        confirmed_on=date(2026, 2, 12),
        memberships=(founding_partner(INDIE, INDIE_FOUNDED),),
        contacts=(Contact("Susanne", "Kröger", "Betriebsberaterin Technik"),),
    ),
)

RESEARCH = (
    OrganisationSeed(
        slug="ruhr-universitaet-bochum",
        name="Ruhr-Universität Bochum",
        kind="university",
        region="bochum",
        street="Universitätsstraße 150",
        postal_code="44801",
        city="Bochum",
        domain="rub.example",
        phone="0234 000000-30",
        description=(
            "Die Ruhr-Universität Bochum bringt Forschung aus Maschinenbau, Elektrotechnik "
            "und Werkstoffwissenschaften über ihre Transferstelle in Kooperationsprojekte "
            "mit Unternehmen der Region."
        ),
        competences="Produktionssysteme, Werkstofftechnik, Automatisierung, IT-Sicherheit",
        confirmed_on=date(2026, 4, 22),
        memberships=(
            partner(PRODUKTION_BOCHUM, PRODUKTION_KICK_OFF),
            partner(INDIE, date(2010, 1, 15)),
        ),
        contacts=(Contact("Nils", "Achterberg", "Transferstelle, Kooperationen mit KMU"),),
    ),
    OrganisationSeed(
        slug="technologie-zentrum-ruhr",
        name="Technologie-Zentrum Ruhr",
        kind="research",
        region="bochum",
        street="Universitätsstraße 142",
        postal_code="44799",
        city="Bochum",
        domain="tzr.example",
        phone="0234 000000-40",
        description=(
            "Das Technologie-Zentrum Ruhr auf dem Campus der Ruhr-Universität bietet "
            "technologieorientierten Unternehmen Räume und Kontakte; hier fand das "
            "Auftakttreffen des Netzwerks Produktion statt."
        ),
        products="Büro- und Laborflächen, Gründungsberatung, Veranstaltungsräume",
        confirmed_on=date(2025, 9, 30),
        memberships=(partner(PRODUKTION_BOCHUM, PRODUKTION_KICK_OFF),),
        contacts=(Contact("Ines", "Waldmann", "Zentrumsmanagement"),),
    ),
)

SOUTH_LOWER_SAXONY = (
    OrganisationSeed(
        slug="verpackungsakademie-suedniedersachsen",
        name="VerpackungsAkademie Südniedersachsen",
        kind="association",
        region="goettingen",
        street="Robert-Bosch-Breite 12",
        postal_code="37079",
        city="Göttingen",
        domain="verpackungsakademie.example",
        phone="0551 000000-10",
        description=(
            "Die 2011 vom VerpackungsCluster gegründete Akademie qualifiziert Beschäftigte "
            "der Verpackungswirtschaft. Seit 2013 bietet sie ihre Seminare auch den "
            "MEKOM-Mitgliedern in Osterode an – vor allem Inhalte, die regionale "
            "Bildungsanbieter dort nicht anbieten."
        ),
        products="Vertriebsseminare, Verpackungstechnik-Grundkurse, Inhouse-Schulungen",
        confirmed_on=date(2026, 1, 19),
        memberships=(partner(VERPACKUNG, date(2011, 5, 1)), partner(MEKOM, COOPERATION_2013)),
        contacts=(Contact("Martina", "Kühne", "Seminarorganisation"),),
    ),
    OrganisationSeed(
        slug="wirtschaftsfoerderung-landkreis-goettingen",
        name="Wirtschaftsförderung Landkreis Göttingen",
        kind="agency",
        region="goettingen",
        street="Reinhäuser Landstraße 4",
        postal_code="37083",
        city="Göttingen",
        domain="wirtschaft-landkreis-goettingen.example",
        phone="0551 000000-20",
        description=(
            "Die Wirtschaftsförderung des Landkreises unterstützt die regionale "
            "Zusammenarbeit der Wirtschaftsnetzwerke über politische Grenzen hinweg."
        ),
        products="Unternehmensberatung, Netzwerkförderung, Fördermittelberatung",
        confirmed_on=date(2026, 10, 20),
        memberships=(
            founding_partner(VERPACKUNG, date(2005, 6, 1)),
            partner(MEKOM, COOPERATION_2013),
        ),
        contacts=(Contact("Hendrik", "Busse", "Netzwerkkoordination"),),
    ),
)

NATIONAL_OFFICE = (
    OrganisationSeed(
        slug="dihk-service",
        name="DIHK Service GmbH",
        kind="association",
        region="berlin",
        street="Breite Straße 29",
        postal_code="10178",
        city="Berlin",
        domain="dihk-service.example",
        phone="030 000000-10",
        description=(
            "Die DIHK Service GmbH betreibt im Auftrag des Bundes die Service- und "
            "Beratungsstelle für regionale Industrieinitiativen und richtet bundesweite "
            "Netzwerktreffen aus."
        ),
        products="Beratung regionaler Industrieinitiativen, bundesweite Netzwerktreffen, Workshops",
        confirmed_on=date(2026, 3, 16),
        memberships=(founding_partner(NATIONAL, date(2021, 1, 1)),),
        contacts=(
            Contact("Carolin", "Matthes", "Projektleitung Service- und Beratungsstelle"),
            Contact("Viktor", "Engel", "Presse und Kommunikation", show_phone=False),
        ),
    ),
)

PARTNERS = RUHR_AGENCIES + CHAMBERS + RESEARCH + SOUTH_LOWER_SAXONY + NATIONAL_OFFICE

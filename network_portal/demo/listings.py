"""Demo cooperation offers and requests, after the press releases: joint vocational training,
contract manufacturing close to home, sales cooperation, energy efficiency, research with the
university, and the VerpackungsAkademie's seminars for MEKOM members.

Dates count from the day of the seed (``listing_builder``): the SIHK's request expires in
ten days (its reminder to the demo partner account is due), one listing has expired, one is
closed and one is still a draft.
"""

from dataclasses import dataclass

from cooperations.models import Listing
from network_portal.demo.networks import INDIE, MEKOM, PRODUKTION_BOCHUM, VERPACKUNG

OFFER, REQUEST = Listing.Kind.OFFER, Listing.Kind.REQUEST
RUHR = ("bochum", "dortmund", "hagen", "herne", "ennepe-ruhr-kreis", "castrop-rauxel")
SOUTH_LOWER_SAXONY = ("goettingen", "osterode-am-harz")


@dataclass(frozen=True)
class ListingSeed:
    organisation: str
    kind: str
    title: str
    summary: str
    description: str
    topics: tuple[str, ...]
    published_days_ago: int
    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    partner_kinds: tuple[str, ...] = ()
    visibility: str = Listing.Visibility.PUBLIC
    networks: tuple[str, ...] = ()
    status: str = Listing.Status.PUBLISHED
    valid_days: int | None = None  # from today; default: a year after publication


LISTINGS = (
    ListingSeed(
        organisation="f-hesterberg-soehne",
        kind=OFFER,
        title="Verbundausbildung Industriemechaniker/in: Ausbildungsabschnitte für Partnerbetriebe",
        summary=(
            "Wir übernehmen für Partnerbetriebe die Grundausbildung Metall und Abschnitte "
            "in Schweißtechnik und Fahrzeugbau – in unserer Lehrwerkstatt in Ennepetal."
        ),
        description=(
            "Kleinere Betriebe können oft nicht alle Inhalte der Ausbildungsordnung selbst "
            "vermitteln. In unserer Lehrwerkstatt bilden wir seit Jahren im Verbund aus: "
            "Grundausbildung Metall (drei Monate), Schweißtechnik und Montage im Fahrzeugbau. "
            "Die Auszubildenden bleiben bei ihrem Betrieb angestellt; wir stimmen die "
            "Abschnitte mit Ihnen und der SIHK ab.\n\n"
            "Für das kommende Ausbildungsjahr haben wir vier Plätze frei."
        ),
        topics=("aus-weiterbildung",),
        published_days_ago=12,
        sectors=("metallverarbeitung", "automotive"),
        regions=("ennepe-ruhr-kreis", "hagen"),
        partner_kinds=("company",),
    ),
    ListingSeed(
        organisation="gevelsberger-schmiedetechnik",
        kind=REQUEST,
        title="Abwärme der Schmiede nutzen: Partner für Energieeffizienz gesucht",
        summary=(
            "Unsere Induktionserwärmung und die Schmiedepressen geben viel Wärme ab. Wir suchen "
            "Forschung und Anlagenbauer, die sie mit uns nutzbar machen."
        ),
        description=(
            "Nach dem Netzwerktreffen zur Energieeffizienz in der Schmiede wollen wir konkret "
            "werden: Messkampagne, Machbarkeitsstudie und ein Pilot zur Nutzung der Abwärme "
            "für Hallenheizung und Vorwärmung. Gern mit einer Hochschule oder einem "
            "Forschungsinstitut und einem Anlagenbauer aus der Region; eine Förderung über "
            "das Land NRW halten wir für möglich."
        ),
        topics=("forschung-entwicklung", "wissenstransfer", "foerderung-projekte"),
        published_days_ago=30,
        sectors=("energietechnik", "metallverarbeitung"),
        regions=RUHR,
        partner_kinds=("university", "research", "company"),
    ),
    ListingSeed(
        organisation="ruhr-universitaet-bochum",
        kind=OFFER,
        title="Forschungskooperation: Zustandsüberwachung von Antrieben und Getrieben",
        summary=(
            "Der Lehrstuhl bietet Unternehmen gemeinsame F&E-Projekte zur vorausschauenden "
            "Wartung an: Sensorik, Datenanalyse, Prüfstand auf dem Campus."
        ),
        description=(
            "Wir suchen Partner aus Maschinen- und Anlagenbau und Verkehrstechnik, die Daten "
            "aus ihren Antrieben einbringen. Möglich sind Abschlussarbeiten, ein gemeinsamer "
            "Förderantrag (ZIM, Land NRW) oder eine Auftragsforschung. Der Prüfstand steht "
            "im Technologie-Zentrum Ruhr."
        ),
        topics=("forschung-entwicklung", "wissenstransfer"),
        published_days_ago=45,
        sectors=("maschinenbau", "verkehrstechnik"),
        regions=RUHR,
        partner_kinds=("company",),
    ),
    ListingSeed(
        organisation="getriebebau-stiepel",
        kind=REQUEST,
        title="Zulieferer für gehärtete Verzahnungsteile in der Region gesucht",
        summary=(
            "Bisher kaufen wir Zahnräder und Wellen in Süddeutschland. Wir suchen Lohnfertiger "
            "vor der Haustür: Verzahnen, Härten, Schleifen."
        ),
        description=(
            "Jahresbedarf etwa 4.000 Teile in Losgrößen von 50 bis 300, Modul 2 bis 6, "
            "einsatzgehärtet und geschliffen. Eine Erstbemusterung würden wir im ersten "
            "Quartal beginnen. Kurze Wege sind uns wichtiger als der letzte Cent."
        ),
        topics=("lohnfertigung", "einkauf"),
        published_days_ago=5,
        sectors=("maschinenbau", "metallverarbeitung"),
        regions=("bochum", "dortmund", "hagen", "ennepe-ruhr-kreis"),
        partner_kinds=("company",),
        visibility=Listing.Visibility.NETWORKS,
        networks=(PRODUKTION_BOCHUM, INDIE),
    ),
    ListingSeed(
        organisation="langendreer-blechbearbeitung",
        kind=OFFER,
        title="Freie Kapazitäten: Laserschneiden und Abkanten in Lohnfertigung",
        summary=(
            "Zwei Faserlaser (bis 25 mm Stahl) und drei Abkantpressen haben ab sofort freie "
            "Schichten – auch für Einzelteile und Eilaufträge."
        ),
        description=(
            "Wir fertigen nach Ihrer Zeichnung oder DXF-Datei aus Stahl, Edelstahl und "
            "Aluminium, auf Wunsch gleich gekantet, entgratet und verschweißt. Lieferung im "
            "Ruhrgebiet mit eigenem Fahrzeug."
        ),
        topics=("lohnfertigung",),
        published_days_ago=2,
        sectors=("metallverarbeitung",),
        regions=RUHR,
    ),
    ListingSeed(
        organisation="querenburg-praezisionsmechanik",
        kind=OFFER,
        title="CNC-Dreh- und Frästeile in Kleinserien",
        summary=(
            "5-Achs-Fräsen und Drehen bis Ø 320 mm, Messraum mit Koordinatenmessgerät: "
            "Präzisionsteile für Prototypen und Kleinserien."
        ),
        description=(
            "Unsere Stärke sind anspruchsvolle Teile in kleinen Stückzahlen. Wir suchen "
            "Partner, die Teile regelmäßig vergeben, und empfehlen uns gern über die Kammer "
            "und die Wirtschaftsförderung weiter."
        ),
        topics=("lohnfertigung",),
        published_days_ago=20,
        sectors=("metallverarbeitung", "maschinenbau"),
        regions=("bochum",),
        visibility=Listing.Visibility.PARTNERS,
    ),
    ListingSeed(
        organisation="ruhrsensor-messtechnik",
        kind=REQUEST,
        title="Vertriebskooperation: gemeinsamer Messestand auf der Hannover Messe",
        summary=(
            "Wir suchen zwei bis drei Unternehmen aus der Region für einen "
            "Gemeinschaftsstand „Made in Ruhr“ – Kosten und Standdienst teilen wir."
        ),
        description=(
            "Messtechnik allein zieht wenige Besucher; zusammen mit Antriebs- und "
            "Automatisierungstechnik zeigen wir eine Lösung. Die EN-Agentur unterstützt bei "
            "der Förderung über das Messeprogramm. Anmeldeschluss beim Veranstalter ist in "
            "zehn Wochen."
        ),
        topics=("vertriebskooperation", "marketing"),
        published_days_ago=9,
        sectors=("elektrotechnik", "maschinenbau"),
        regions=RUHR,
        partner_kinds=("company",),
        visibility=Listing.Visibility.NETWORKS,
        networks=(INDIE,),
    ),
    ListingSeed(
        organisation="westfalendata-industrie-it",
        kind=OFFER,
        title="IT-Sicherheit in der Produktion: Workshops für kleine und mittlere Unternehmen",
        summary=(
            "Halbtägige Workshops im Betrieb: Maschinennetze absichern, Fernwartung sicher "
            "einrichten, Notfallplan – praxisnah und herstellerneutral."
        ),
        description=(
            "Wir bringen unser Wissen aus Projekten bei Maschinenbauern in Ihren Betrieb. "
            "Für Mitglieder der Netzwerke bieten wir die ersten Termine zum Selbstkostenpreis "
            "an, gern auch als Veranstaltung einer Kammer."
        ),
        topics=("wissenstransfer", "aus-weiterbildung"),
        published_days_ago=60,
        sectors=("it", "maschinenbau"),
        regions=("dortmund", "bochum", "herne"),
    ),
    ListingSeed(
        organisation="bochumer-industrielogistik",
        kind=REQUEST,
        title="Einkaufsgemeinschaft für Paletten und Verpackungsmaterial",
        summary=(
            "Gemeinsam bestellen, besser einkaufen: Wir bündeln den Bedarf an Europaletten, "
            "Stretchfolie und Kartonagen von Unternehmen in Bochum und Umgebung."
        ),
        description=(
            "Ab einem gemeinsamen Volumen von etwa 20.000 Paletten im Jahr erwarten wir "
            "deutlich bessere Preise. Wir übernehmen Bestellung, Lagerung und Verteilung; "
            "die Teilnehmer zahlen nur ihren Anteil."
        ),
        topics=("einkauf",),
        published_days_ago=25,
        sectors=("logistik",),
        regions=("bochum", "herne", "dortmund"),
        partner_kinds=("company",),
    ),
    ListingSeed(
        organisation="verpackungsakademie-suedniedersachsen",
        kind=OFFER,
        title="Vertriebsseminare der VerpackungsAkademie für MEKOM-Mitglieder",
        summary=(
            "Die Akademie bietet ihre Seminare über MEKOM auch in Osterode an – vor allem "
            "Inhalte, die regionale Bildungsanbieter dort nicht anbieten."
        ),
        description=(
            "Im Rahmen der Kooperation von VerpackungsCluster und MEKOM organisieren wir "
            "Vertriebsseminare, Verhandlungstraining und Produktschulungen Verpackung vor Ort. "
            "Mitgliedsunternehmen melden Bedarf an; ab sechs Teilnehmenden findet ein "
            "Seminar statt."
        ),
        topics=("aus-weiterbildung", "vertriebskooperation"),
        published_days_ago=40,
        sectors=("verpackung",),
        regions=SOUTH_LOWER_SAXONY,
        visibility=Listing.Visibility.NETWORKS,
        networks=(MEKOM, VERPACKUNG),
    ),
    ListingSeed(
        organisation="goettinger-faltschachtel",
        kind=REQUEST,
        title="Entwicklungspartner für recyclinggerechte Verbundverpackung",
        summary=(
            "Wir wollen Kunststofffenster in Faltschachteln ersetzen und suchen Partner aus "
            "Kunststofftechnik und Forschung für einen gemeinsamen Förderantrag."
        ),
        description=(
            "Ziel ist eine Monomaterial-Lösung aus Karton mit sichtbarem Produkt, die auf "
            "unseren Linien läuft. Wir bringen Konstruktion und Muster ein; gesucht sind "
            "Materialkompetenz und Prüfmöglichkeiten."
        ),
        topics=("forschung-entwicklung", "foerderung-projekte"),
        published_days_ago=15,
        sectors=("verpackung", "kunststofftechnik"),
        regions=SOUTH_LOWER_SAXONY,
        partner_kinds=("company", "research", "university"),
    ),
    ListingSeed(
        organisation="wirtschaftsfoerderung-dortmund",
        kind=OFFER,
        title="Projektideen für das Regionale Entwicklungskonzept gesucht",
        summary=(
            "Für die Umsetzung des REK In|Die RegionRuhr ist weitere Förderung in Aussicht "
            "gestellt. Wir beraten Unternehmen und Hochschulen zu gemeinsamen Projekten."
        ),
        description=(
            "Handlungsfelder sind Produktions- und Dienstleistungsverbund, Fachkräfte, "
            "Ressourceneffizienz und Technologietransfer. Wir helfen bei Projektskizze, "
            "Partnersuche und Antrag und bringen Sie mit den Kammern zusammen."
        ),
        topics=("foerderung-projekte", "wissenstransfer"),
        published_days_ago=70,
        regions=RUHR,
        partner_kinds=("company", "university", "research"),
        visibility=Listing.Visibility.PARTNERS,
    ),
    ListingSeed(
        organisation="sihk-hagen",
        kind=REQUEST,
        title="Unternehmen für ein Energieeffizienz-Netzwerk in Hagen und im Ennepe-Ruhr-Kreis",
        summary=(
            "Acht bis zwölf Betriebe tauschen sich drei Jahre lang zu Energiezielen aus, mit "
            "Energieberatung und Moderation durch die SIHK."
        ),
        description=(
            "Das Netzwerk trifft sich viermal im Jahr reihum in den Betrieben. Jedes "
            "Unternehmen erhält eine geförderte Energieberatung und setzt sich ein eigenes "
            "Einsparziel."
        ),
        topics=("wissenstransfer", "foerderung-projekte"),
        published_days_ago=355,
        sectors=("metallverarbeitung", "maschinenbau", "energietechnik"),
        regions=("hagen", "ennepe-ruhr-kreis"),
        partner_kinds=("company",),
        valid_days=10,
    ),
    ListingSeed(
        organisation="volmetal-federn",
        kind=OFFER,
        title="Stanz- und Biegeteile: Kapazitäten für Kleinserien",
        summary=(
            "Schnellläuferpressen bis 160 t und Biegeautomaten haben freie Zeiten – "
            "Federn, Clips und Stanzteile ab 1.000 Stück."
        ),
        description="Werkzeugbau im Haus; Erstmuster in drei Wochen.",
        topics=("lohnfertigung",),
        published_days_ago=8,
        sectors=("metallverarbeitung", "automotive"),
        regions=("hagen", "ennepe-ruhr-kreis"),
    ),
    ListingSeed(
        organisation="lennewerk-kaltwalztechnik",
        kind=REQUEST,
        title="Einkaufskooperation Stahlband",
        summary="Gemeinsamer Einkauf von Warmband als Vormaterial für das Kaltwalzen.",
        description="Die Anfrage ist abgelaufen; wir melden uns im Frühjahr wieder.",
        topics=("einkauf",),
        published_days_ago=400,
        sectors=("metallverarbeitung",),
        regions=("hagen",),
        status=Listing.Status.EXPIRED,
        valid_days=-35,
    ),
    ListingSeed(
        organisation="f-hesterberg-soehne",
        kind=REQUEST,
        title="Gemeinsamer Auftritt beim Tag der Ausbildung",
        summary="Partnerbetriebe für einen gemeinsamen Stand beim Tag der Ausbildung gesucht.",
        description="Mit drei Partnerbetrieben zustande gekommen – vielen Dank!",
        topics=("marketing", "aus-weiterbildung"),
        published_days_ago=90,
        regions=("ennepe-ruhr-kreis",),
        partner_kinds=("company",),
        status=Listing.Status.CLOSED,
    ),
    ListingSeed(
        organisation="schachtzeichen-kunststofftechnik",
        kind=OFFER,
        title="Spritzguss in Lohnfertigung: freie Maschinenstunden",
        summary="Spritzgießmaschinen von 50 bis 350 t, Montage und Verpackung im Haus.",
        description="Entwurf – Maschinenliste folgt.",
        topics=("lohnfertigung",),
        published_days_ago=0,
        sectors=("kunststofftechnik",),
        regions=("herne",),
        status=Listing.Status.DRAFT,
    ),
)

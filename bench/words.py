"""German-ish vocabulary for the bench dataset: names, products, competences and sentences.

Realistic enough for PostgreSQL's German full-text search (stemming, compounds that share
stems across organisations and listings), generated from a seeded ``random.Random``.
"""

import random

# fmt: off
SURNAMES = (
    "Brinkmann", "Schulte", "Hesterberg", "Kemper", "Wienecke", "Overbeck", "Rademacher",
    "Hölscher", "Kortmann", "Liebig", "Steinhoff", "Vogelsang", "Altenhein", "Backhaus",
    "Diekmann", "Evers", "Funke", "Gödde", "Hackmann", "Ilgner", "Jansen", "Kleinebrahm",
    "Lütkemeier", "Möllenbeck", "Niehaus", "Osthoff", "Pöppelmann", "Quante", "Rüther",
    "Sauerland", "Tigges", "Uhlenbrock", "Vollmer", "Wessel", "Zimmermann", "Becker", "Krämer",
    "Hoffmann", "Schäfer", "Koch", "Richter", "Wolf", "Neumann", "Schwarz", "Braun", "Krüger",
    "Hartmann", "Lange", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Köhler",
    "Herrmann", "König", "Walter", "Mayer", "Kaiser", "Fuchs",
)
FIRST_NAMES = (
    "Anna", "Bernd", "Claudia", "Dirk", "Elke", "Frank", "Gabriele", "Heinz", "Ines", "Jürgen",
    "Katrin", "Lars", "Monika", "Norbert", "Olga", "Peter", "Renate", "Stefan", "Tanja", "Uwe",
    "Vanessa", "Wolfgang", "Yvonne", "Zeynep", "Ahmet", "Birgit", "Carsten", "Dana", "Emre",
    "Fatma", "Gregor", "Hanna", "Ivan", "Jana", "Klaus", "Lea", "Marco", "Nina", "Oliver",
    "Paula", "Ralf", "Sabine", "Thomas", "Ulrike", "Volker", "Wiebke", "Agnieszka", "Björn",
    "Christina", "Detlef", "Esra", "Felix", "Gül", "Holger",
)
PLACES = (
    "Ruhrtal", "Emscher", "Lenne", "Volme", "Ennepe", "Harz", "Leine", "Hellweg", "Stiepel",
    "Wittener", "Herdecker", "Schwelmer", "Hattinger", "Gevelsberger", "Osteroder", "Göttinger",
    "Castroper", "Herner", "Dortmunder", "Bochumer", "Hagener", "Märkische",
)
TRADES = (
    ("Präzisionstechnik", "maschinenbau"), ("Getriebebau", "maschinenbau"),
    ("Maschinenbau", "maschinenbau"), ("Anlagenbau", "maschinenbau"),
    ("Metallbau", "metallverarbeitung"), ("Stanztechnik", "metallverarbeitung"),
    ("Schweißtechnik", "metallverarbeitung"), ("Drahtwerk", "metallverarbeitung"),
    ("Oberflächentechnik", "metallverarbeitung"), ("Gießerei", "metallverarbeitung"),
    ("Fahrzeugteile", "automotive"), ("Antriebstechnik", "automotive"),
    ("Schienenfahrzeugtechnik", "verkehrstechnik"), ("Verkehrstechnik", "verkehrstechnik"),
    ("Verpackungen", "verpackung"), ("Folienwerk", "verpackung"), ("Kartonagen", "verpackung"),
    ("Industrieservice", "dienstleistung"), ("Instandhaltung", "dienstleistung"),
    ("Elektrotechnik", "elektrotechnik"), ("Steuerungstechnik", "elektrotechnik"),
    ("Kunststofftechnik", "kunststofftechnik"), ("Spritzguss", "kunststofftechnik"),
    ("Logistik", "logistik"), ("Software", "it"), ("Automatisierung", "it"),
    ("Energietechnik", "energietechnik"), ("Umwelttechnik", "energietechnik"),
)
LEGAL_FORMS = (
    "GmbH", "GmbH & Co. KG", "KG", "AG", "e.K.", "OHG",
)
PRODUCTS = {
    "maschinenbau": ("Sondermaschinen", "Planetengetriebe", "Vorrichtungen",
                     "Hydraulikzylinder", "Förderanlagen", "Prüfstände", "Spannsysteme",
                     "Walzen",),
    "metallverarbeitung": ("Stanzteile", "Schweißbaugruppen", "Drehteile", "Blechgehäuse",
                           "Federn", "Gussteile", "Drahtbiegeteile", "Pulverbeschichtung",),
    "automotive": ("Achskomponenten", "Bremsscheiben", "Kabelbäume", "Sitzgestelle",
                   "Elektromotoren", "Ladetechnik",),
    "verkehrstechnik": ("Drehgestelle", "Weichenantriebe", "Fahrgastinformation", "Kupplungen",
                        "Signaltechnik",),
    "verpackung": ("Faltschachteln", "Verpackungsfolien", "Wellpappe", "Etiketten",
                   "Mehrwegbehälter", "Pharmaverpackungen",),
    "dienstleistung": ("Wartungsverträge", "Montage", "Industriereinigung", "Prüfservice",
                       "Ersatzteilfertigung",),
    "elektrotechnik": ("Schaltschränke", "Sensorik", "Leiterplatten", "Antriebsregler",
                       "Messtechnik",),
    "kunststofftechnik": ("Spritzgussteile", "Extrusionsprofile", "Dichtungen",
                          "Kunststoffgehäuse", "Compounds",),
    "logistik": ("Kontraktlogistik", "Lagerhaltung", "Schwertransporte", "Kommissionierung",),
    "it": ("ERP-Einführung", "Fertigungssoftware", "IT-Sicherheit", "Datenanalyse",
           "Industrie-4.0-Plattformen",),
    "energietechnik": ("Wärmepumpen", "Photovoltaikanlagen", "Abwärmenutzung", "Filteranlagen",
                       "Energieberatung",),
}
COMPETENCES = (
    "CNC-Fräsen", "Laserschneiden", "Wasserstrahlschneiden", "Verzahnungsschleifen",
    "Pulverbeschichtung", "Galvanik", "Härterei", "Konstruktion", "Prototypenbau",
    "Kleinserienfertigung", "Großserienfertigung", "Qualitätssicherung", "Werkstoffprüfung",
    "Robotik", "Automatisierung", "Digitalisierung", "Lean Management", "Schweißen", "Montage",
    "Projektmanagement", "Zertifizierung nach ISO 9001", "Energiemanagement", "Ausbildung",
    "Verbundausbildung", "Instandhaltung", "Additive Fertigung", "3D-Druck",
)
STREETS = (
    "Hauptstraße", "Industriestraße", "Gewerbering", "Am Hafen", "Westfalendamm",
    "Hattinger Straße", "Wittener Straße", "Bahnhofstraße", "Zechenstraße", "Hüttenweg",
    "Im Gewerbepark", "Kokereistraße", "Ruhrallee", "Lindenallee", "Harzstraße",
)
FUNCTIONS = (
    "Geschäftsführung", "Vertriebsleitung", "Personalleitung", "Ausbildungsleitung", "Einkauf",
    "Produktionsleitung", "Qualitätsmanagement", "Marketing", "Technik",
    "Assistenz der Geschäftsführung", "Projektleitung", "Konstruktion",
)
EVENT_FORMATS = (
    "Wirtschaft trifft Wirtschaft", "Unternehmerfrühstück", "Betriebsbesichtigung", "Fachforum",
    "Werkstattgespräch", "Netzwerkabend", "Ausbildungsbörse", "Seminar", "Online-Sprechstunde",
    "Innovationstag",
)
EVENT_TOPICS = (
    "Fachkräftesicherung", "Energieeffizienz", "Digitalisierung in der Produktion",
    "Verbundausbildung", "Fördermittel für den Mittelstand", "Künstliche Intelligenz",
    "Lieferketten", "Nachfolge im Familienunternehmen", "Arbeitssicherheit",
    "Kreislaufwirtschaft", "Cybersicherheit", "Wasserstoff", "Export", "Employer Branding",
)
OFFER_TITLES = (
    "Freie Kapazitäten für {c}", "{p} in Klein- und Großserie", "Partner für {c} gesucht",
    "Wir bieten {c} für Ihre {p}", "Gemeinsamer Einkauf von {p}", "Auftragsfertigung: {p}",
    "Verbundausbildung {o}: Ausbildungsplätze frei", "Suche Zulieferer für {p}",
    "Forschungspartner für {c} gesucht", "Vertriebskooperation für {p}",
)
OCCUPATION_WORDS = (
    "Industriemechaniker", "Zerspanungsmechaniker", "Mechatroniker", "Elektroniker",
    "Fachkraft für Lagerlogistik", "Verpackungsmittelmechaniker", "Industriekaufleute",
)
# fmt: on


def sentence(rng: random.Random, sector: str) -> str:
    product = rng.choice(PRODUCTS[sector])
    competence = rng.choice(COMPETENCES)
    templates = (
        f"Wir fertigen {product} für Kunden aus dem Ruhrgebiet und ganz Europa.",
        f"Unsere Stärke ist {competence} mit kurzen Lieferzeiten.",
        f"Seit Jahrzehnten entwickeln und produzieren wir {product} am Standort.",
        f"Mit modernem Maschinenpark bieten wir {competence} und {product} aus einer Hand.",
        f"Wir bilden jedes Jahr aus und suchen Partner für {competence}.",
        f"Unsere Kunden schätzen unsere Erfahrung in {competence} und {product}.",
    )
    return rng.choice(templates)


def paragraph(rng: random.Random, sector: str, sentences: int) -> str:
    return " ".join(sentence(rng, sector) for _ in range(sentences))


def company_name(rng: random.Random) -> tuple[str, str]:
    """A company name and its sector slug."""
    trade, sector = rng.choice(TRADES)
    first = rng.choice(SURNAMES) if rng.random() < 0.7 else rng.choice(PLACES)
    return f"{first} {trade} {rng.choice(LEGAL_FORMS)}", sector


def listing_text(rng: random.Random, sector: str) -> tuple[str, str, str]:
    """Title, summary and description of a cooperation listing."""
    product = rng.choice(PRODUCTS[sector])
    competence = rng.choice(COMPETENCES)
    occupation = rng.choice(OCCUPATION_WORDS)
    title = rng.choice(OFFER_TITLES).format(c=competence, p=product, o=occupation)
    summary = f"{title}. {sentence(rng, sector)}"[:300]
    return title[:200], summary, paragraph(rng, sector, 4)

"""The demo networks, after the press releases that describe them."""

from network_portal.demo.records import NetworkSeed

INDIE = "indie-regionruhr"
PRODUKTION_BOCHUM = "netzwerk-produktion-bochum"
MEKOM = "mekom-osterode"
VERPACKUNG = "verpackungscluster-suedniedersachsen"
NATIONAL = "industrieinitiativen"

NETWORKS = (
    NetworkSeed(
        slug=INDIE,
        name="In|Die RegionRuhr",
        kind="initiative",
        description=(
            "Gemeinsame Netzwerkinitiative der Wirtschaftsstandorte Bochum, Castrop-Rauxel, "
            "Dortmund, Hagen, Herne und des Ennepe-Ruhr-Kreises zur nachhaltigen Stärkung "
            "des regionalen Produktions- und Dienstleistungsverbundes. Fünf "
            "Wirtschaftsförderungen, drei Industrie- und Handelskammern und die "
            "Handwerkskammer verbinden die Potenziale von Unternehmen, Hochschulen und "
            "Forschungseinrichtungen: Innovationen anstoßen, neue Märkte erschließen, "
            "Ressourcen schonen, Fördermittel akquirieren und Kooperationsprojekte fördern. "
            "In der Region arbeiten rund 2.000 Spezialanbieter und mittelständische "
            "Unternehmen mit 130.000 Beschäftigten im Produktions-/Dienstleistungsverbund."
        ),
        regions=(
            "bochum",
            "castrop-rauxel",
            "dortmund",
            "hagen",
            "herne",
            "ennepe-ruhr-kreis",
        ),
        founded_year=2009,
        domain="indie-regionruhr.example",
    ),
    NetworkSeed(
        slug=PRODUKTION_BOCHUM,
        name="Netzwerk Produktion Bochum",
        kind="city",
        parent=INDIE,
        description=(
            "Das Netzwerk der Bochumer Produktionswirtschaft: Maschinen- und Anlagenbau, "
            "Automotive, Metallverarbeitung, Verkehrstechnik und die zugehörigen "
            "Dienstleister. Gemeinsame Projekte zu Wissenstransfer, Forschung und "
            "Entwicklung, Aus- und Weiterbildung, Vertriebskooperation und Marketing – "
            "denn die kompetenten Partner sitzen oft vor der Haustür. Alle Aktionen des "
            "Netzwerks stehen den Unternehmen kostenlos zur Verfügung."
        ),
        regions=("bochum",),
        founded_year=2008,
        domain="produktion-bochum.example",
    ),
    NetworkSeed(
        slug=MEKOM,
        name="MEKOM Regionalmanagement Osterode am Harz",
        kind="cluster",
        description=(
            "Regionales, branchenunabhängiges Netzwerk zur Stärkung der Wirtschaft in "
            "Osterode am Harz, getragen vom MEKOM Regionalmanagement Osterode am Harz e.V. "
            "Zu den Projekten zählt die Mitarbeiterqualifizierung, seit 2013 gemeinsam mit "
            "der VerpackungsAkademie Südniedersachsen. Neue Mitglieder treten über den "
            "Verein bei; Anträge im Portal sind derzeit nicht möglich."
        ),
        regions=("osterode-am-harz",),
        founded_year=2000,
        is_open=False,
        domain="mekom-osterode.example",
    ),
    NetworkSeed(
        slug=VERPACKUNG,
        name="VerpackungsCluster Südniedersachsen",
        kind="cluster",
        description=(
            "Branchenbezogenes Netzwerk der Verpackungswirtschaft in Südniedersachsen mit "
            "Sitz in Göttingen. Hersteller von Packmitteln und Verpackungsmaschinen, "
            "Druckereien, Logistiker und Dienstleister stärken gemeinsam die regionale "
            "Wirtschaft. Die 2011 gegründete VerpackungsAkademie Südniedersachsen bietet "
            "Qualifizierungen an – auch für die Mitglieder von MEKOM in Osterode."
        ),
        regions=("goettingen",),
        founded_year=2005,
        domain="verpackungscluster.example",
    ),
    NetworkSeed(
        slug=NATIONAL,
        name="Service- und Beratungsstelle für regionale Industrieinitiativen",
        kind="national",
        description=(
            "Bundesweite Anlaufstelle für regionale Industrieinitiativen, in denen sich "
            "Wirtschaft, Kommunen und Gewerkschaften zusammenschließen, um die Wertschätzung "
            "für Industrie und die Vernetzung der Unternehmen vor Ort zu stärken. Die "
            "Stelle berät Initiativen und richtet bundesweite, meist virtuelle "
            "Netzwerktreffen aus."
        ),
        founded_year=2021,
        domain="industrieinitiativen.example",
    ),
)

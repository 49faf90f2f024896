"""Regions, sectors and training occupations of the demo world."""

from network_portal.demo.records import RegionSeed, TermSeed

NRW = "Nordrhein-Westfalen"
NDS = "Niedersachsen"

REGIONS = (
    RegionSeed("bochum", "Bochum", NRW),
    RegionSeed("castrop-rauxel", "Castrop-Rauxel", NRW),
    RegionSeed("dortmund", "Dortmund", NRW),
    RegionSeed("hagen", "Hagen", NRW),
    RegionSeed("herne", "Herne", NRW),
    RegionSeed("ennepe-ruhr-kreis", "Ennepe-Ruhr-Kreis", NRW),
    RegionSeed("osterode-am-harz", "Osterode am Harz", NDS),
    RegionSeed("goettingen", "Göttingen", NDS),
    RegionSeed("berlin", "Berlin", "Berlin"),
)

SECTORS = (
    TermSeed("maschinenbau", "Maschinen- und Anlagenbau", "Mechanical and plant engineering"),
    TermSeed("automotive", "Automotive", "Automotive"),
    TermSeed("metallverarbeitung", "Metallverarbeitung", "Metalworking"),
    TermSeed("verkehrstechnik", "Verkehrstechnik", "Transport technology"),
    TermSeed("verpackung", "Verpackung", "Packaging"),
    TermSeed("dienstleistung", "Dienstleistung", "Industrial services"),
    TermSeed("elektrotechnik", "Elektrotechnik", "Electrical engineering"),
    TermSeed("kunststofftechnik", "Kunststofftechnik", "Plastics technology"),
    TermSeed("logistik", "Logistik", "Logistics"),
    TermSeed("it", "IT und Software", "IT and software"),
    TermSeed("energietechnik", "Energie- und Umwelttechnik", "Energy and environmental technology"),
)

OCCUPATIONS = (
    TermSeed("industriemechaniker", "Industriemechaniker/in", "Industrial mechanic"),
    TermSeed("zerspanungsmechaniker", "Zerspanungsmechaniker/in", "Precision machinist"),
    TermSeed("mechatroniker", "Mechatroniker/in", "Mechatronics technician"),
    TermSeed(
        "elektroniker-betriebstechnik",
        "Elektroniker/in für Betriebstechnik",
        "Electronics technician for industrial engineering",
    ),
    TermSeed("lagerlogistik", "Fachkraft für Lagerlogistik", "Warehouse logistics specialist"),
    TermSeed(
        "verpackungsmittelmechaniker",
        "Verpackungsmittelmechaniker/in",
        "Packaging production mechanic",
    ),
    TermSeed("packmitteltechnologe", "Packmitteltechnologe/-technologin", "Packaging technologist"),
    TermSeed("industriekaufleute", "Industriekaufmann/-frau", "Industrial clerk"),
    TermSeed("werkzeugmechaniker", "Werkzeugmechaniker/in", "Toolmaker"),
    TermSeed(
        "konstruktionsmechaniker", "Konstruktionsmechaniker/in", "Metal construction mechanic"
    ),
    TermSeed("maschinenfuehrer", "Maschinen- und Anlagenführer/in", "Machine and plant operator"),
    TermSeed("produktdesigner", "Technische/r Produktdesigner/in", "Technical product designer"),
    TermSeed("fachinformatiker", "Fachinformatiker/in", "IT specialist"),
    TermSeed(
        "kunststoffverfahrensmechaniker",
        "Verfahrensmechaniker/in für Kunststoff- und Kautschuktechnik",
        "Process mechanic for plastics and rubber technology",
    ),
    TermSeed("oberflaechenbeschichter", "Oberflächenbeschichter/in", "Surface coating technician"),
)

"""Demo data for ``python manage.py seed_demo``.

The demo world follows public press releases about In|Die RegionRuhr, the Netzwerk
Produktion Bochum, MEKOM Osterode, the VerpackungsCluster Südniedersachsen and the
national service office for regional industry initiatives. Organisations may be real;
every person, e-mail address and phone number is fictional (``.example`` domains,
``000000`` phone numbers). The data modules hold plain records; ``builder`` writes them.
"""

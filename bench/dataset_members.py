"""Bench dataset, members: vocabulary, networks, organisations, memberships, people."""

import base64
import datetime as dt
import hashlib
import unicodedata

from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from bench import words
from bench.copyrows import columns, copy_rows
from bench.dataset import BENCH_PASSWORD, COMPANIES, PARTNERS, PERSONS, USERS, World

RUHR = ("bochum", "dortmund", "hagen", "herne", "castrop-rauxel", "ennepe-ruhr-kreis")
CITY_NETWORK = {
    "bochum": "produktion-bochum",
    "dortmund": "produktion-dortmund",
    "castrop-rauxel": "produktion-dortmund",
    "hagen": "industrie-hagen",
    "ennepe-ruhr-kreis": "industrie-hagen",
    "herne": "produktion-herne",
}
NETWORKS = (  # slug, name, kind, parent, regions
    ("indie-regionruhr", "In|Die RegionRuhr", "initiative", None, RUHR),
    ("produktion-bochum", "Netzwerk Produktion Bochum", "city", "indie-regionruhr", ("bochum",)),
    (
        "produktion-dortmund",
        "Netzwerk Produktion Dortmund",
        "city",
        "indie-regionruhr",
        ("dortmund", "castrop-rauxel"),
    ),
    (
        "industrie-hagen",
        "Netzwerk Industrie Hagen/EN",
        "city",
        "indie-regionruhr",
        ("hagen", "ennepe-ruhr-kreis"),
    ),
    ("produktion-herne", "Netzwerk Produktion Herne", "city", "indie-regionruhr", ("herne",)),
    ("mekom", "MEKOM Osterode", "cluster", None, ("osterode-am-harz",)),
    ("verpackungscluster", "VerpackungsCluster Göttingen", "cluster", None, ("goettingen",)),
    ("servicestelle", "Servicestelle Industrieinitiativen", "national", None, ()),
)
PARTNER_KINDS = (
    ("agency", 30),
    ("association", 30),
    ("research", 20),
    ("university", 12),
    ("ihk", 5),
    ("hwk", 3),
)
PARTNER_NAMES = {
    "agency": "Wirtschaftsförderung {place}",
    "association": "Unternehmensverband {place}",
    "research": "Fraunhofer-Arbeitsgruppe {place}",
    "university": "Hochschule {place}",
    "ihk": "Industrie- und Handelskammer {place}",
    "hwk": "Handwerkskammer {place}",
}
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _ascii(text: str) -> str:
    text = text.lower().translate(_ASCII)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def taxonomy(world: World) -> None:
    from members.models import Region, Sector, TrainingOccupation  # noqa: PLC0415
    from network_portal.demo.taxonomy import OCCUPATIONS, REGIONS, SECTORS  # noqa: PLC0415

    for region in Region.objects.bulk_create(
        [Region(name=r.name, slug=r.slug, state=r.state) for r in REGIONS]
    ):
        world.regions[region.slug] = region.pk
    for sector in Sector.objects.bulk_create(
        [Sector(name=s.name, name_en=s.name_en, slug=s.slug) for s in SECTORS]
    ):
        world.sectors[sector.slug] = sector.pk
    world.occupations = [
        o.pk
        for o in TrainingOccupation.objects.bulk_create(
            [TrainingOccupation(name=o.name, name_en=o.name_en, slug=o.slug) for o in OCCUPATIONS]
        )
    ]


def networks(world: World) -> None:
    from members.models import Network  # noqa: PLC0415

    for index, (slug, name, kind, parent, regions) in enumerate(NETWORKS, start=1):
        network = Network.objects.create(
            id=index,
            slug=slug,
            name=name,
            kind=kind,
            parent_id=world.networks.get(parent),
            description=f"{name}: Unternehmen, Kammern und Wirtschaftsförderungen der Region.",
            founded_year=2000 + index,
        )
        network.regions.set([world.regions[region] for region in regions])
        world.networks[slug] = network.pk


def _region_of_company(world: World) -> str:
    roll = world.rng.random()
    if roll < 0.07:
        return "osterode-am-harz"
    if roll < 0.15:
        return "goettingen"
    return world.rng.choice(RUHR)


def organisations(world: World) -> None:
    from members.models import Organisation, Region  # noqa: PLC0415

    rng, rows, names, slugs = world.rng, [], set(), set()
    region_names = dict(Region.objects.values_list("slug", "name"))
    for org_id in range(1, COMPANIES + PARTNERS + 1):
        is_company = org_id <= COMPANIES
        if is_company:
            name, sector = words.company_name(rng)
            region = _region_of_company(world)
            kind = "company"
        else:
            kind = _partner_kind(org_id - COMPANIES)
            region = rng.choice((*RUHR, "osterode-am-harz", "goettingen"))
            name = PARTNER_NAMES[kind].format(place=region_names[region])
            sector = "dienstleistung"
        while name in names:
            name = f"{name.rsplit(' (', 1)[0]} ({rng.choice(words.PLACES)} {rng.randint(2, 99)})"
        names.add(name)
        slug = slugify(_ascii(name))[:180]
        while slug in slugs:
            slug = f"{slug}-{rng.randint(2, 9999)}"
        slugs.add(slug)
        world.org_sector[org_id], world.org_region[org_id] = sector, region
        (world.companies if is_company else world.partners).append(org_id)
        rows.append(
            _organisation_row(
                world, org_id, name=name, slug=slug, kind=kind, sector=sector, region=region
            )
        )
    copy_rows(Organisation, ORGANISATION_FIELDS, rows)
    _organisation_terms(world)


def _partner_kind(number: int) -> str:
    for kind, count in PARTNER_KINDS:
        if number <= count:
            return kind
        number -= count
    return "association"


ORGANISATION_FIELDS = columns(
    "id name slug kind description products competences street postal_code city region_id "
    "size website email phone visibility confirmed_on created_at updated_at"
)


def _organisation_row(world: World, org_id: int, *, name, slug, kind, sector, region) -> tuple:
    rng, today = world.rng, world.today
    roll = rng.random()
    if roll < 0.85:
        confirmed = today - dt.timedelta(days=rng.randint(0, 330))
    elif roll < 0.97:
        confirmed = today - dt.timedelta(days=rng.randint(420, 1500))
    else:
        confirmed = None
    created = world.now - dt.timedelta(days=rng.randint(30, 3650))
    size = rng.choices(("micro", "small", "medium", "large"), (25, 40, 25, 10))[0]
    domain = f"{slug[:50]}.example"
    return (
        org_id,
        name,
        slug,
        kind,
        words.paragraph(rng, sector, 3),
        ", ".join(rng.sample(words.PRODUCTS[sector], 3)),
        ", ".join(rng.sample(words.COMPETENCES, 3)),
        f"{rng.choice(words.STREETS)} {rng.randint(1, 250)}",
        f"{rng.randint(30000, 59999)}",
        region.replace("-", " ").title(),
        world.regions[region],
        size if kind == "company" else "",
        f"https://www.{domain}",
        f"info@{domain}",
        f"0{rng.randint(200, 5999)} {rng.randint(10000, 999999)}",
        "public" if rng.random() < 0.9 else "members",
        confirmed,
        created,
        created,
    )


def _organisation_terms(world: World) -> None:
    from members.models import Organisation  # noqa: PLC0415

    rng = world.rng
    sector_rows, occupation_rows = [], []
    for org_id in world.companies + world.partners:
        own = world.sectors[world.org_sector[org_id]]
        chosen = {own} | (
            {rng.choice(list(world.sectors.values()))} if rng.random() < 0.3 else set()
        )
        sector_rows += [(len(sector_rows) + i + 1, org_id, s) for i, s in enumerate(chosen)]
        if org_id in world.companies and rng.random() < 0.4:
            for occupation in rng.sample(world.occupations, rng.randint(1, 3)):
                occupation_rows.append((len(occupation_rows) + 1, org_id, occupation))
    copy_rows(Organisation.sectors.through, ("id", "organisation_id", "sector_id"), sector_rows)
    copy_rows(
        Organisation.training_occupations.through,
        ("id", "organisation_id", "trainingoccupation_id"),
        occupation_rows,
    )


def memberships(world: World) -> None:
    from members.models import Membership  # noqa: PLC0415

    rng, rows, nets = world.rng, [], world.networks
    world.members_of = {network_id: [] for network_id in nets.values()}

    def add(org_id: int, network: str, role: str = "member", status: str = "active") -> None:
        joined = world.now - dt.timedelta(days=rng.randint(60, 3600))
        decided = joined + dt.timedelta(days=7) if status != "applied" else None
        ended = (
            (world.today - dt.timedelta(days=rng.randint(1, 300))) if status == "ended" else None
        )
        rows.append(
            (
                len(rows) + 1,
                org_id,
                nets[network],
                role,
                status,
                joined,
                decided,
                decided.date() if decided else None,
                ended,
            )
        )
        if status == "active":
            world.members_of[nets[network]].append(org_id)

    for org_id in world.companies:
        region = world.org_region[org_id]
        if region == "osterode-am-harz":
            add(org_id, "mekom")
        elif region == "goettingen":
            add(org_id, "verpackungscluster")
        else:
            roll = rng.random()
            add(
                org_id,
                "indie-regionruhr",
                status="active" if roll < 0.92 else ("applied" if roll < 0.95 else "ended"),
            )
            if rng.random() < 0.3:
                add(org_id, CITY_NETWORK[region])
    for org_id in world.partners:
        role = "founding_partner" if rng.random() < 0.2 else "partner"
        for network in rng.sample(list(nets), rng.randint(1, 3)):
            add(org_id, network, role=role)
    fields = (
        "id",
        "organisation_id",
        "network_id",
        "role",
        "status",
        "applied_at",
        "decided_at",
        "started_on",
        "ended_on",
    )
    copy_rows(Membership, fields, rows)


def _people_counts(world: World) -> dict[int, int]:
    """Persons per organisation: 10 per partner, 5 per company plus the rest by size."""
    rng = world.rng
    counts = dict.fromkeys(world.partners, 10)
    counts.update(dict.fromkeys(world.companies, 5))
    for org_id in rng.choices(world.companies, k=PERSONS - sum(counts.values())):
        counts[org_id] += 1
    return counts


def people(world: World) -> None:
    from allauth.account.models import EmailAddress  # noqa: PLC0415

    from members.models import Person, User  # noqa: PLC0415

    rng, password = world.rng, make_password(BENCH_PASSWORD)
    counts = _people_counts(world)
    firsts, next_first = set(), 1
    for count in counts.values():
        firsts.add(next_first)
        next_first += count
    others = [number for number in range(1, PERSONS + 1) if number not in firsts]
    accounts = set(rng.sample(others, USERS - len(counts)))  # admins have accounts anyway
    users, persons, emails = [], [], set()
    person_id = 0
    for org_id, count in counts.items():
        domain = f"{org_id}.bench.example"
        for index in range(count):
            person_id += 1
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.SURNAMES)
            email = f"{_ascii(first)}.{_ascii(last)}@{domain}"
            while email in emails:
                email = f"{_ascii(first)}.{_ascii(last)}{rng.randint(2, 999)}@{domain}"
            emails.add(email)
            has_account = index == 0 or person_id in accounts
            user_id = len(users) + 1 if has_account else None
            if has_account:
                language = "en" if rng.random() < 0.1 else "de"
                users.append((user_id, password, first, last, email, language, world.now))
            role = "admin" if index == 0 else ("staff" if has_account else "contact")
            persons.append(
                (
                    person_id,
                    org_id,
                    user_id,
                    role,
                    first,
                    last,
                    rng.choice(words.FUNCTIONS),
                    email,
                    f"0{rng.randint(200, 5999)} {rng.randint(10000, 999999)}",
                    index == 0,
                    index == 0,
                    index == 0,
                    world.now,
                )
            )
            world.people_of.setdefault(org_id, []).append(person_id)
            world.person_user[person_id], world.person_org[person_id] = user_id, org_id
            if index == 0:
                world.admin_user[org_id] = user_id
    copy_rows(
        User,
        ("id", "password", "first_name", "last_name", "email", "language", "date_joined"),
        users,
    )
    copy_rows(
        Person,
        columns(
            "id organisation_id user_id role first_name last_name function email phone "
            "is_public_contact show_email show_phone created_at"
        ),
        persons,
    )
    copy_rows(
        EmailAddress,
        ("id", "user_id", "email", "verified", "primary"),
        ((u[0], u[0], u[4], True, True) for u in users),
    )
    _managers(world)


def totp_secret(user_id: int) -> str:
    """The bench managers' TOTP secret, derived from the id (the runner computes codes)."""
    digest = hashlib.sha256(f"bench-totp-{user_id}".encode()).digest()[:20]
    return base64.b32encode(digest).decode()


def _managers(world: World) -> None:
    """Two managers per network: staff of agencies and chambers, with TOTP set up."""
    from allauth.mfa.models import Authenticator  # noqa: PLC0415
    from allauth.mfa.utils import encrypt  # noqa: PLC0415

    from members.models import NetworkManager  # noqa: PLC0415

    staff = [
        person
        for org_id in world.partners
        for person in world.people_of[org_id][1:]
        if world.person_user[person]
    ]
    rows, chosen = [], iter(staff)
    for slug, network_id in world.networks.items():
        world.managers[slug] = []
        for _ in range(2):
            user_id = world.person_user[next(chosen)]
            rows.append((len(rows) + 1, network_id, user_id, world.today))
            world.managers[slug].append(user_id)
    copy_rows(NetworkManager, ("id", "network_id", "user_id", "since"), rows)
    authenticators = [
        (index, user_id, "totp", {"secret": encrypt(totp_secret(user_id))}, world.now)
        for index, (_id, _network, user_id, _since) in enumerate(rows, start=1)
    ]
    copy_rows(Authenticator, ("id", "user_id", "type", "data", "created_at"), authenticators)

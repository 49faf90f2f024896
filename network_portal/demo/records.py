"""The shapes of the demo data: plain, frozen records the builder turns into rows."""

from dataclasses import dataclass
from datetime import date

ACTIVE = "active"
APPLIED = "applied"


@dataclass(frozen=True)
class RegionSeed:
    slug: str
    name: str
    state: str


@dataclass(frozen=True)
class TermSeed:
    """A sector or training occupation, named in German and English."""

    slug: str
    name: str
    name_en: str


@dataclass(frozen=True)
class NetworkSeed:
    slug: str
    name: str
    kind: str
    description: str
    regions: tuple[str, ...] = ()
    parent: str | None = None
    founded_year: int | None = None
    is_open: bool = True
    domain: str = ""


@dataclass(frozen=True)
class Join:
    """A membership of the organisation in the network with slug ``network``."""

    network: str
    role: str = "member"
    status: str = ACTIVE
    since: date | None = None
    message: str = ""


@dataclass(frozen=True)
class Contact:
    """A fictional contact person; e-mail and phone are derived from the organisation's."""

    first_name: str
    last_name: str
    function: str
    public: bool = True
    show_email: bool = True
    show_phone: bool = True


@dataclass(frozen=True)
class OrganisationSeed:
    """An organisation. ``phone`` ends in 0; contacts get the extensions 1, 2, ..."""

    slug: str
    name: str
    kind: str
    region: str
    street: str
    postal_code: str
    city: str
    domain: str
    phone: str
    description: str
    products: str = ""
    competences: str = ""
    sectors: tuple[str, ...] = ()
    occupations: tuple[str, ...] = ()
    size: str = ""
    public: bool = True
    confirmed_on: date | None = None
    memberships: tuple[Join, ...] = ()
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class AccountSeed:
    """A demo sign-in; ``organisation`` and ``role`` make it a person of that organisation."""

    email: str
    first_name: str
    last_name: str
    platform_admin: bool = False
    manages: tuple[str, ...] = ()
    organisation: str | None = None
    role: str = ""
    function: str = ""
    phone: str = ""


def member(network: str, since: date) -> Join:
    return Join(network=network, role="member", since=since)


def partner(network: str, since: date) -> Join:
    return Join(network=network, role="partner", since=since)


def founding_partner(network: str, since: date) -> Join:
    return Join(network=network, role="founding_partner", since=since)


def applied(network: str, message: str, *, role: str = "member") -> Join:
    return Join(network=network, role=role, status=APPLIED, message=message)

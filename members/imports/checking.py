"""Check every row of a table and plan what the import creates, before anything is saved.

Duplicates: an organisation is the same when its name (any case and spacing) and postcode
match; a person when the e-mail address matches. Within the file a repeated organisation
is an error, unless the later row only adds another contact person. Against the database
nothing is ever overwritten: a known organisation only gets the membership in the network
if it lacks one, known persons are skipped; the preview says so row by row.
"""

from dataclasses import dataclass, field

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from members.imports import values
from members.imports.columns import (
    BY_KEY,
    ORGANISATION_KEYS,
    PERSON_KEYS,
    REQUIRED,
    column_for_header,
)
from members.imports.reading import Table
from members.imports.values import CellError, Vocabulary
from members.models import Membership, Network, Organisation, Person


@dataclass
class Problem:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class PlannedPerson:
    row: int
    first_name: str
    last_name: str
    function: str
    email: str
    phone: str


@dataclass
class PlannedOrganisation:
    rows: list[int]
    fields: dict  # Organisation field -> value, ready for ``Organisation(**fields)``
    sector_ids: list[int]
    role: str
    persons: list[PlannedPerson] = field(default_factory=list)
    existing_id: int | None = None
    add_membership: bool = True

    @property
    def key(self) -> tuple[str, str]:
        return same_name(self.fields["name"]), self.fields["postal_code"]


@dataclass
class ImportPlan:
    rows_total: int
    organisations: list[PlannedOrganisation] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    skipped: int = 0

    def counts(self) -> dict[str, int]:
        new = [o for o in self.organisations if o.existing_id is None]
        return {
            "organisations": len(new),
            "existing_organisations": sum(1 for o in self.organisations if o.existing_id),
            "persons": sum(len(o.persons) for o in new),
            "memberships": sum(1 for o in self.organisations if o.add_membership),
            "skipped": self.skipped,
        }


def same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def check_table(table: Table, *, network: Network) -> ImportPlan:
    """Every row checked; a plan without ``errors`` can be saved as it is."""
    plan = ImportPlan(rows_total=len(table.rows))
    headers = _columns_of(table.header, plan)
    if plan.errors:
        return plan
    vocabulary = Vocabulary.load()
    checked = [
        _checked_row(number, cells, headers, vocabulary, plan)
        for number, cells in table.rows
        if _fits(number, cells, len(table.header), plan)
    ]
    _plan_rows([row for row in checked if row is not None], headers, plan)
    if not plan.errors:
        _compare_with_database(plan, network, headers)
    plan.errors.sort(key=lambda problem: problem.row or 0)
    plan.notices.sort(key=lambda problem: problem.row or 0)
    return plan


def _columns_of(header: list[str], plan: ImportPlan) -> dict[str, tuple[int, str]]:
    """Column key -> (position, header as written in the file)."""
    found: dict[str, tuple[int, str]] = {}
    for position, title in enumerate(header):
        column = column_for_header(title) if title else None
        if column is None:
            if title:
                plan.notices.append(Problem(1, title, _("Unknown column; it is ignored.")))
            continue
        if column.key in found:
            plan.errors.append(Problem(1, title, _("This column appears twice.")))
        found[column.key] = (position, title)
    for column in REQUIRED:
        if column.key not in found:
            message = _("The required column “%(column)s” is missing.")
            plan.errors.append(Problem(1, column.header, message % {"column": column.header}))
    return found


def _fits(number: int, cells: list[str], width: int, plan: ImportPlan) -> bool:
    """A row with more filled cells than the header has columns would shift its values."""
    extra = [cell for cell in cells[width:] if cell]
    if extra:
        message = _(
            "This row has %(cells)s cells, the header only %(columns)s columns. Does a cell "
            "contain the delimiter without quotation marks?"
        )
        plan.errors.append(Problem(number, "", message % {"cells": len(cells), "columns": width}))
    return not extra


def _checked_row(number, cells, headers, vocabulary, plan) -> dict | None:
    """The row's values ready to save, or None after recording its problems."""
    raw = {key: cells[at] if at < len(cells) else "" for key, (at, _title) in headers.items()}
    row = {"number": number, "blank": {key for key, value in raw.items() if not value}}
    problems = []
    for key, check in _CHECKS.items():
        try:
            row[key] = check(raw.get(key, ""), vocabulary)
        except CellError as problem:
            problems.append(Problem(number, _header(headers, key), problem.message))
    person = {key: raw.get(key, "") for key in PERSON_KEYS}
    if any(person.values()) and not (person["first_name"] and person["last_name"]):
        column = _header(headers, "last_name" if person["first_name"] else "first_name")
        message = _("A contact person needs a first and a last name.")
        problems.append(Problem(number, column, message))
    plan.errors.extend(problems)
    return None if problems else row


def _name(value: str, _vocabulary) -> str:
    if not value:
        raise CellError(_("The name is missing."))
    return values.text(value, "name")


def _text(key: str):
    return lambda value, _vocabulary: values.text(value, key)


_CHECKS = {
    "name": _name,
    "kind": values.kind,
    "street": _text("street"),
    "postal_code": lambda value, _v: values.postal_code(value),
    "city": _text("city"),
    "region": values.region,
    "sectors": values.sectors,
    "size": values.size,
    "website": lambda value, _v: values.website(value),
    "email": lambda value, _v: values.email(value),
    "phone": lambda value, _v: values.phone(value),
    "first_name": _text("first_name"),
    "last_name": _text("last_name"),
    "function": _text("function"),
    "person_email": lambda value, _v: values.email(value),
    "person_phone": lambda value, _v: values.phone(value),
    "role": lambda value, vocabulary: values.choice(
        value, vocabulary.roles, Membership.Role.choices, Membership.Role.MEMBER
    ),
}


def _plan_rows(rows: list[dict], headers: dict, plan: ImportPlan) -> None:
    by_key: dict[tuple[str, str], PlannedOrganisation] = {}
    emails: dict[str, int] = {}
    for row in rows:
        person = _person(row)
        organisation = _organisation(row, person)
        earlier = by_key.get(organisation.key)
        if earlier and (problem := _repeated(row, person, earlier, headers)):
            plan.errors.append(problem)
            continue
        if person and person.email:
            first = emails.setdefault(person.email.casefold(), row["number"])
            if first != row["number"]:
                message = _("The e-mail address is already used in row %(row)s.") % {"row": first}
                plan.errors.append(
                    Problem(row["number"], _header(headers, "person_email"), message)
                )
                continue
        if earlier is None:
            by_key[organisation.key] = organisation
            plan.organisations.append(organisation)
        else:
            earlier.persons.append(person)
            earlier.rows.append(row["number"])


def _header(headers: dict, key: str) -> str:
    """The column's header as the file writes it, else as the template does."""
    return headers[key][1] if key in headers else BY_KEY[key].header


def _person(row: dict) -> PlannedPerson | None:
    if not row["first_name"]:
        return None
    return PlannedPerson(
        row=row["number"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        function=row["function"],
        email=row["person_email"],
        phone=row["person_phone"],
    )


def _organisation(row: dict, person: PlannedPerson | None) -> PlannedOrganisation:
    return PlannedOrganisation(
        rows=[row["number"]],
        fields={key: row[key] for key in ORGANISATION_KEYS if key != "sectors"},
        sector_ids=[sector.pk for sector in row["sectors"]],
        role=row["role"],
        persons=[person] if person else [],
    )


def _repeated(row: dict, person, earlier: PlannedOrganisation, headers: dict) -> Problem | None:
    """Why a further row of an organisation cannot be imported, if it cannot.

    A further row may leave the organisation's cells empty or repeat them, and adds a
    contact person; anything else is a conflict or a plain repetition.
    """
    first = earlier.rows[0]
    given = {key: row[key] for key in (*ORGANISATION_KEYS, "role") if key not in row["blank"]}
    given["sectors"] = [sector.pk for sector in given.get("sectors", [])]
    planned = {**earlier.fields, "sectors": earlier.sector_ids, "role": earlier.role}
    for key, value in given.items():
        if value and value != planned[key]:
            message = _(
                "Same organisation (name and postcode) as in row %(row)s, but different here. "
                "Give each organisation one row; further rows may only add contact persons."
            )
            return Problem(row["number"], _header(headers, key), message % {"row": first})
    if person is None or _who(person) in {_who(p) for p in earlier.persons}:
        message = _("This organisation (same name and postcode) is already in row %(row)s.")
        return Problem(row["number"], _header(headers, "name"), message % {"row": first})
    return None


def _who(person: PlannedPerson) -> tuple[str, str, str]:
    return same_name(person.first_name), same_name(person.last_name), person.email.casefold()


def _compare_with_database(plan: ImportPlan, network: Network, headers: dict) -> None:
    known = _known_organisations(plan)
    in_network = set(
        Membership.objects.filter(
            network=network,
            organisation_id__in=known.values(),
            status__in=(Membership.Status.ACTIVE, Membership.Status.APPLIED),
        ).values_list("organisation_id", flat=True)
    )
    known_emails = _known_emails(plan)
    for organisation in plan.organisations:
        organisation.existing_id = known.get(organisation.key)
        if organisation.existing_id:
            in_it = organisation.existing_id in in_network
            _keep_existing(plan, organisation, in_it, network, headers)
        else:
            _skip_known_persons(plan, organisation, known_emails, headers)


def _known_organisations(plan: ImportPlan) -> dict[tuple[str, str], int]:
    postcodes = {organisation.fields["postal_code"] for organisation in plan.organisations}
    known: dict[tuple[str, str], int] = {}
    rows = Organisation.objects.filter(postal_code__in=postcodes).order_by("pk")
    for pk, name, postcode in rows.values_list("pk", "name", "postal_code"):
        known.setdefault((same_name(name), postcode), pk)
    return known


def _known_emails(plan: ImportPlan) -> set[str]:
    emails = {p.email.lower() for o in plan.organisations for p in o.persons if p.email}
    if not emails:
        return set()
    people = Person.objects.annotate(address=Lower("email")).filter(address__in=emails)
    return set(people.values_list("address", flat=True))


def _keep_existing(plan, organisation, in_network: bool, network, headers) -> None:
    name = {"name": organisation.fields["name"], "network": network.name}
    if in_network:
        organisation.add_membership = False
        plan.skipped += 1
        message = _("“%(name)s” is already in %(network)s: skipped.") % name
    else:
        message = (
            _(
                "“%(name)s” is already in the portal: only the membership in %(network)s is "
                "added, its profile stays as it is."
            )
            % name
        )
    plan.notices.append(Problem(organisation.rows[0], _header(headers, "name"), message))
    for person in organisation.persons:
        plan.skipped += 1
        message = _(
            "%(person)s is not added: contact persons of an organisation already in the "
            "portal are kept by the organisation itself."
        ) % {"person": f"{person.first_name} {person.last_name}"}
        plan.notices.append(Problem(person.row, _header(headers, "last_name"), message))
    organisation.persons = []


def _skip_known_persons(plan, organisation, known_emails: set[str], headers) -> None:
    for person in list(organisation.persons):
        if person.email and person.email.lower() in known_emails:
            organisation.persons.remove(person)
            plan.skipped += 1
            message = _(
                "A person with the e-mail address %(email)s is already in the portal: skipped."
            )
            column = _header(headers, "person_email")
            plan.notices.append(Problem(person.row, column, message % {"email": person.email}))

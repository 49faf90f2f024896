"""The member import: check an upload, start it, save it all or nothing, show progress.

A file is checked row by row in the request; only a file without errors is kept, as a
``MemberImport`` waiting for the manager's confirmation. The confirmed import runs as a
Celery task in ONE transaction: it checks the rows again against the database of that
moment, saves everything or nothing, and reports its progress through the cache (the
rows it writes are invisible to others until the transaction commits).
"""

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members.imports import reading
from members.imports.checking import ImportPlan, PlannedOrganisation, Problem, check_table
from members.models import MemberImport, Membership, Network, Organisation, Person, User
from network_portal.audit import audit_record
from network_portal.tasks_queue import queue_after_commit

logger = logging.getLogger(__name__)

CHUNK = 250  # organisations saved per step; progress is reported after each
PROGRESS_TIMEOUT = 2 * 60 * 60
PREVIEW_ROWS = 20


class ImportStateError(Exception):
    """The import is not in a state for this step (started twice, already finished)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ImportRejectedError(Exception):
    def __init__(self, errors: list[Problem]) -> None:
        super().__init__("rows rejected")
        self.errors = errors


@dataclass
class CheckResult:
    """What the upload page shows: a kept import, or the errors that stopped it."""

    member_import: MemberImport | None = None
    errors: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)


# --- Check and keep --------------------------------------------------------------------


def member_import_check(*, network: Network, upload: UploadedFile, by: User) -> CheckResult:
    """Check every row of ``upload``; keep it as a ready import only if none has errors."""
    try:
        text, encoding = reading.decode(reading.read_upload(upload))
        table = reading.parse(text, encoding)
    except reading.UnreadableFileError as problem:
        return CheckResult(errors=[Problem(None, "", problem.message)])
    plan = check_table(table, network=network)
    notices = _encoding_notices(encoding) + plan.notices
    if plan.errors:
        return CheckResult(errors=plan.errors, notices=notices)
    with transaction.atomic():
        member_import = MemberImport.objects.create(
            network=network,
            uploaded_by=by,
            file_name=(upload.name or "")[:255],
            encoding=encoding,
            content=text,
            rows_total=plan.rows_total,
            counts=plan.counts(),
            notices=[notice.as_dict() for notice in notices],
            preview=_preview(plan),
        )
    return CheckResult(member_import=member_import, notices=notices)


def _encoding_notices(encoding: str) -> list[Problem]:
    if encoding != reading.WINDOWS_1252:
        return []
    message = _(
        "The file is not in UTF-8; it was read as Windows-1252 (Excel's “CSV” format). "
        "Check the umlauts in the preview; if they look wrong, save the file as "
        "“CSV UTF-8” and upload it again."
    )
    return [Problem(None, "", message)]


def _preview(plan: ImportPlan) -> list[dict]:
    return [
        {
            "row": organisation.rows[0],
            "name": organisation.fields["name"],
            "postal_code": organisation.fields["postal_code"],
            "city": organisation.fields["city"],
            "region": str(organisation.fields["region"] or ""),
            "role": str(Membership.Role(organisation.role).label),
            "persons": len(organisation.persons),
            "existing": bool(organisation.existing_id),
            "membership": organisation.add_membership,
        }
        for organisation in plan.organisations[:PREVIEW_ROWS]
    ]


# --- Start, discard --------------------------------------------------------------------


def member_import_start(*, member_import: MemberImport, by: User) -> MemberImport:
    """The manager confirmed the preview: queue the import once this is committed."""
    from members.imports.tasks import import_members  # noqa: PLC0415 - the task calls us

    with transaction.atomic():
        locked = MemberImport.objects.select_for_update().get(pk=member_import.pk)
        if locked.status != MemberImport.Status.READY:
            raise ImportStateError(_("This import has already been started."))
        locked.status = MemberImport.Status.IMPORTING
        locked.save(update_fields=["status"])
        cache.set(progress_key(locked.pk), 0, PROGRESS_TIMEOUT)
        queue_after_commit(import_members, import_id=locked.pk)
    return locked


def member_import_discard(*, member_import: MemberImport, by: User) -> None:
    """Throw a checked file away instead of importing it (its rows hold personal data)."""
    with transaction.atomic():
        locked = MemberImport.objects.select_for_update().get(pk=member_import.pk)
        if locked.status != MemberImport.Status.READY:
            raise ImportStateError(_("Only an import that has not been started can be discarded."))
        locked.delete()


# --- Run (the Celery task) -------------------------------------------------------------


def progress_key(import_id: int) -> str:
    return f"members:import:{import_id}:rows-done"


def import_progress(member_import: MemberImport) -> int:
    """Rows saved so far; while importing they are only counted in the cache."""
    if member_import.status == MemberImport.Status.IMPORTING:
        return min(cache.get(progress_key(member_import.pk)) or 0, member_import.rows_total)
    return member_import.rows_done


def member_import_run(*, import_id: int) -> None:
    """Import a confirmed file: everything in one transaction, or nothing."""
    member_import = MemberImport.objects.select_related("uploaded_by").filter(pk=import_id).first()
    if member_import is None or member_import.status != MemberImport.Status.IMPORTING:
        logger.info("Member import %s is not waiting to be imported.", import_id)
        return
    language = getattr(member_import.uploaded_by, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            _import(import_id)
        except ImportRejectedError as rejected:
            _fail(import_id, rejected.errors)
        except Exception:
            logger.exception("Member import %s failed; nothing was saved.", import_id)
            message = _(
                "The import stopped because of an error in the portal. Nothing was saved. "
                "Please upload the file again later; if it fails again, tell the platform team."
            )
            _fail(import_id, [Problem(None, "", message)])
        finally:
            cache.delete(progress_key(import_id))


def _import(import_id: int) -> None:
    with transaction.atomic():
        member_import = (
            MemberImport.objects.select_for_update(of=("self",))
            .select_related("network", "uploaded_by")
            .get(pk=import_id)
        )
        if member_import.status != MemberImport.Status.IMPORTING:
            return
        # One import per network at a time: the duplicate checks below stay true.
        list(Network.objects.select_for_update().filter(pk=member_import.network_id))
        table = reading.parse(member_import.content, member_import.encoding)
        plan = check_table(table, network=member_import.network)
        if plan.errors:
            raise ImportRejectedError(plan.errors)
        _save(plan, member_import)
        _finish(member_import, plan)


def _finish(member_import: MemberImport, plan: ImportPlan) -> None:
    member_import.status = MemberImport.Status.DONE
    member_import.rows_done = member_import.rows_total
    member_import.counts = plan.counts()
    member_import.notices = [
        n.as_dict() for n in _encoding_notices(member_import.encoding) + plan.notices
    ]
    member_import.content = ""  # the rows now live where they belong
    member_import.finished_at = timezone.now()
    member_import.save()
    audit_record(
        actor=member_import.uploaded_by,
        action="members.import",
        target=member_import,
        details={"network": member_import.network_id, **member_import.counts},
    )


def _fail(import_id: int, errors: list[Problem]) -> None:
    MemberImport.objects.filter(pk=import_id, status=MemberImport.Status.IMPORTING).update(
        status=MemberImport.Status.FAILED,
        errors=[error.as_dict() for error in errors],
        rows_done=0,
        content="",
        finished_at=timezone.now(),
    )


# --- Saving ----------------------------------------------------------------------------


def _save(plan: ImportPlan, member_import: MemberImport) -> None:
    slugs = _Slugs(set(Organisation.objects.values_list("slug", flat=True)))
    done = 0
    for chunk in _chunks(plan.organisations, CHUNK):
        _save_chunk(chunk, member_import, slugs)
        done += sum(len(organisation.rows) for organisation in chunk)
        cache.set(progress_key(member_import.pk), done, PROGRESS_TIMEOUT)


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _save_chunk(chunk, member_import: MemberImport, slugs: "_Slugs") -> None:
    new = [planned for planned in chunk if planned.existing_id is None]
    created = Organisation.objects.bulk_create(
        Organisation(
            **planned.fields,
            slug=slugs.new(planned.fields["name"]),
            visibility=Organisation.Visibility.MEMBERS,
        )
        for planned in new
    )
    ids = {id(planned): organisation.pk for planned, organisation in zip(new, created, strict=True)}
    through = Organisation.sectors.through
    through.objects.bulk_create(
        through(organisation_id=ids[id(planned)], sector_id=sector_id)
        for planned in new
        for sector_id in planned.sector_ids
    )
    Person.objects.bulk_create(
        _person(ids[id(planned)], p) for planned in new for p in planned.persons
    )
    Membership.objects.bulk_create(
        _membership(planned, ids.get(id(planned)) or planned.existing_id, member_import)
        for planned in chunk
        if planned.add_membership
    )


def _person(organisation_id: int, planned) -> Person:
    return Person(
        organisation_id=organisation_id,
        role=Person.Role.CONTACT,
        first_name=planned.first_name,
        last_name=planned.last_name,
        function=planned.function,
        email=planned.email,
        phone=planned.phone,
    )


def _membership(
    planned: PlannedOrganisation, organisation_id: int, member_import: MemberImport
) -> Membership:
    return Membership(
        organisation_id=organisation_id,
        network_id=member_import.network_id,
        role=planned.role,
        status=Membership.Status.ACTIVE,
        started_on=timezone.localdate(),
        decided_at=timezone.now(),
        decided_by=member_import.uploaded_by,
    )


class _Slugs:
    """Unique short names for new organisations: "muster-gmbh", "muster-gmbh-2", ..."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken

    def new(self, name: str) -> str:
        base = slugify(name)[:190].strip("-") or "organisation"
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        return slug

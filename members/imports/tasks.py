"""The member import's Celery task: load by id, call the service."""

from celery import shared_task

from members.services.imports import member_import_run


@shared_task(name="members.import_members")
def import_members(*, import_id: int) -> None:
    member_import_run(import_id=import_id)

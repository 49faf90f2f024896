"""A manager's CSV import of organisations and persons into one of their networks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberImport(models.Model):
    """One uploaded file, from its checked preview to the finished import.

    A file whose rows have errors is never stored; a record starts ``ready`` with the
    preview's counts. ``content`` holds the decoded text only until the import finished.
    """

    class Status(models.TextChoices):
        READY = "ready", _("checked, waiting for confirmation")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed, nothing imported")

    network = models.ForeignKey(
        "members.Network",
        on_delete=models.CASCADE,
        related_name="member_imports",
        verbose_name=_("network"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    encoding = models.CharField(_("encoding"), max_length=20)
    content = models.TextField(_("content"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.READY
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows imported"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    notices = models.JSONField(_("notices"), default=list, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    preview = models.JSONField(_("preview"), default=list, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("member import")
        verbose_name_plural = _("member imports")

    def __str__(self) -> str:
        return f"{self.file_name} → {self.network}"

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.IMPORTING

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

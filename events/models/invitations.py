"""Invitations to events: who was invited (by which batch), with which mail, and whether
they registered through the personal link."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationBatch(models.Model):
    """One "invite" action of a manager: the audience as chosen, and its progress.

    ``audience`` holds the choice as ids: ``networks``, ``regions``, ``sectors``,
    ``kinds``, ``organisations`` and ``people`` (which persons of those organisations);
    an uploaded address list is kept in ``addresses`` as ``[email, name]`` pairs.
    The recipients are worked out again when the batch is recorded, so nobody who was
    invited in the meantime is invited twice.
    """

    class Source(models.TextChoices):
        NETWORKS = "networks", _("members of networks")
        ORGANISATIONS = "organisations", _("chosen organisations")
        ADDRESSES = "addresses", _("address list")

    class People(models.TextChoices):
        ALL = "all", _("everybody with an e-mail address")
        ADMINS = "admins", _("organisation admins")
        CONTACTS = "contacts", _("public contact persons")

    class Status(models.TextChoices):
        DRAFT = "draft", _("waiting for confirmation")
        RECORDING = "recording", _("invitations being recorded")
        DONE = "done", _("all invitations recorded")
        DISCARDED = "discarded", _("discarded")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="invitation_batches",
        verbose_name=_("event"),
    )
    source = models.CharField(_("recipients"), max_length=16, choices=Source.choices)
    audience = models.JSONField(_("audience"), default=dict, blank=True)
    addresses = models.JSONField(_("address list"), default=list, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    message = models.TextField(_("personal message"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    total = models.PositiveIntegerField(_("recipients"), default=0)
    recorded = models.PositiveIntegerField(_("invitations recorded"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("sent off"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation batch")
        verbose_name_plural = _("invitation batches")

    def __str__(self) -> str:
        return f"{self.event} – {self.get_source_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def is_recording(self) -> bool:
        return self.status == self.Status.RECORDING


class Invitation(models.Model):
    """One address invited to one event; unique per event and (lower-case) address."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("event"),
    )
    batch = models.ForeignKey(
        InvitationBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("batch"),
    )
    email = models.EmailField(_("e-mail address"), help_text=_("Stored in lower case."))
    name = models.CharField(_("name"), max_length=300, blank=True)
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_invitations",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_invitations",
        verbose_name=_("organisation"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    language = models.CharField(_("language"), max_length=8, default="de")
    mail = models.ForeignKey(
        "network_portal.OutgoingMail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mail"),
    )
    registration = models.ForeignKey(
        "events.Registration",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("registration"),
    )
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "email"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="one_invitation_per_event_and_address"
            ),
        ]
        indexes = [models.Index(fields=["event", "created_at"])]

    def __str__(self) -> str:
        return f"{self.email} – {self.event}"

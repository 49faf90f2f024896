"""Series, events, their agenda sessions and the people who speak, moderate or host."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EventSeries(models.Model):
    """A recurring series of events, such as "Wirtschaft trifft Wirtschaft"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """An event organised by one or more networks; times are stored in UTC."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    title = models.CharField(_("title"), max_length=200)
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("series"),
    )
    organising_networks = models.ManyToManyField(
        "members.Network", related_name="organised_events", verbose_name=_("organising networks")
    )
    audience_networks = models.ManyToManyField(
        "members.Network",
        blank=True,
        related_name="audience_events",
        verbose_name=_("audience networks"),
        help_text=_("Members of these networks may register as well (cross-network events)."),
    )
    open_to_all = models.BooleanField(
        _("open to all organisations"),
        default=False,
        help_text=_(
            "Anyone signed in for an organisation may register, not only members of the "
            "organising and audience networks."
        ),
    )
    host_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host organisation"),
    )
    format = models.CharField(
        _("format"), max_length=12, choices=Format.choices, default=Format.ON_SITE
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    region = models.ForeignKey(
        "members.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("region"),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to confirmed attendees.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    description = models.TextField(_("description"), blank=True)
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    target_regions = models.ManyToManyField(
        "members.Region",
        blank=True,
        related_name="targeted_events",
        verbose_name=_("target regions"),
    )
    target_sectors = models.ManyToManyField(
        "members.Sector",
        blank=True,
        related_name="targeted_events",
        verbose_name=_("target sectors"),
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    seats_per_organisation = models.PositiveSmallIntegerField(
        _("seats per organisation"),
        null=True,
        blank=True,
        help_text=_("Confirmed and waitlisted registrations per organisation; empty: no limit."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration stays open until the event starts."),
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: attendees may cancel until the event starts."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    contact_person = models.ForeignKey(
        "members.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_for_events",
        verbose_name=_("contact person"),
    )
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Rises when time, place, title or status change (iCalendar SEQUENCE)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=0), name="event_capacity_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        """Times in order, a registration window inside the event, a link for online events.

        Each message names the field it belongs to, so forms show it next to that field.
        A check is skipped while a time it needs is missing (the field reports that).
        """
        errors: dict[str, str] = {}
        starts, ends = self.starts_at, self.ends_at
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if starts and ends and ends <= starts:
            errors["ends_at"] = _("The event must end after it starts.")
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        elif opens and starts and not closes and opens >= starts:
            errors["registration_opens_at"] = _("Registration must open before the event starts.")
        if closes and ends and closes > ends and "registration_closes_at" not in errors:
            errors["registration_closes_at"] = _(
                "Registration must close no later than the end of the event."
            )
        if self.cancellation_deadline and starts and self.cancellation_deadline > starts:
            errors["cancellation_deadline"] = _(
                "The cancellation deadline must not be after the start of the event."
            )
        if self.capacity is not None and self.capacity < 0:
            errors["capacity"] = _("The capacity cannot be negative.")
        if self.format != self.Format.ON_SITE and not self.online_url:
            errors["online_url"] = _("Online and hybrid events need an online link.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return self.format != self.Format.ON_SITE

    @property
    def registration_closes(self):
        return self.registration_closes_at or self.starts_at

    @property
    def cancellation_closes(self):
        return self.cancellation_deadline or self.starts_at


class Session(models.Model):
    """An item of the agenda; workshops run in parallel slots with their own capacity."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    is_workshop = models.BooleanField(_("workshop"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Only for workshops; empty: no limit.")
    )
    slot = models.CharField(
        _("parallel slot"), max_length=60, blank=True, help_text=_("For example “Slot A”.")
    )
    room = models.CharField(_("room"), max_length=120, blank=True)

    class Meta:
        ordering = ["starts_at", "slot", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def overlaps(self, other: "Session") -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


class EventPerson(models.Model):
    """A speaker, moderator, host or contact of an event or one of its sessions."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        MODERATOR = "moderator", _("moderator")
        HOST = "host", _("host")
        CONTACT = "contact", _("contact")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="people", verbose_name=_("event")
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("session"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.SPEAKER)
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_roles",
        verbose_name=_("person"),
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("For people without a profile.")
    )
    function = models.CharField(_("function"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("person at the event")
        verbose_name_plural = _("people at the event")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name=""), name="event_person_has_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_role_display()})"

    @property
    def display_name(self) -> str:
        return self.person.full_name if self.person_id else self.name

    @property
    def display_function(self) -> str:
        return self.function or (self.person.function if self.person_id else "")

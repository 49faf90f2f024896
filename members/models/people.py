"""People: users who sign in, and persons who are contacts at an organisation."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from members.managers import UserManager


class User(AbstractUser):
    """A person who can sign in, with their e-mail address as login.

    Platform admins are superusers; network manager, organisation admin and staff are
    roles held through ``NetworkManager`` and ``Person``.
    """

    username = None
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and self.is_superuser


class Person(models.Model):
    """A contact at an organisation; with a ``user`` they can sign in and act for it."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("organisation admin")
        STAFF = "staff", _("staff")
        CONTACT = "contact", _("contact without account")

    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("user account"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.STAFF)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public_contact = models.BooleanField(_("shown as contact on the profile"), default=False)
    show_email = models.BooleanField(_("e-mail address public"), default=False)
    show_phone = models.BooleanField(_("phone number public"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="person_one_per_user_and_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN

"""Helpers shared by the account tests."""

from allauth.account.adapter import get_adapter
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from members.models import Organisation
from tests import factories

MEMBERS_ONLY = Organisation.Visibility.MEMBERS
SEE_HIDDEN = ["owner", "colleague", "partner", "manager", "platform_admin"]
NOT_SEE_HIDDEN = ["outsider", "anonymous", "other_manager"]
ALL_ROLES = SEE_HIDDEN + NOT_SEE_HIDDEN


def sign_in(client: Client, email: str, password: str = factories.PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)


def is_signed_in(client: Client) -> bool:
    response = client.get(reverse("dashboard"))
    return response.status_code == 200


def adapter_message(name: str) -> str:
    with translation.override("de"):
        return escape(str(get_adapter().error_messages[name]))


def user_of(world, role: str):
    return AnonymousUser() if role == "anonymous" else getattr(world, role)

"""Template context of every page: the navigation for the user's roles."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from members import roles


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str


def portal(request: HttpRequest) -> dict:
    return {
        "user_roles": SimpleLazyObject(lambda: roles.for_user(request.user)),
        "main_nav": SimpleLazyObject(lambda: main_navigation(request)),
    }


def main_navigation(request: HttpRequest) -> list[NavItem]:
    items = [
        NavItem(_("Home"), reverse("home")),
        NavItem(_("Events"), reverse("events:list")),
        NavItem(_("Members"), reverse("members:directory")),
        NavItem(_("Cooperations"), reverse("cooperations:marketplace")),
        NavItem(_("Networks"), reverse("members:networks")),
    ]
    user_roles = roles.for_user(request.user)
    if not request.user.is_authenticated:
        return items
    items.append(NavItem(_("My area"), reverse("dashboard")))
    items.append(NavItem(_("My events"), reverse("events:mine")))
    if user_roles.organisation_ids:
        items.append(NavItem(_("My cooperations"), reverse("cooperations:mine")))
    for organisation in user_roles.organisations[:3]:  # by name, loaded with the roles
        items.append(NavItem(organisation.name, organisation.get_absolute_url()))
    if user_roles.is_manager or user_roles.is_platform_admin:
        items.append(NavItem(_("Network management"), reverse("members:manage_dashboard")))
    if user_roles.is_platform_admin:
        items.append(NavItem(_("Administration"), reverse("admin:index")))
    return items

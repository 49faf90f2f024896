"""``{% organisation_admin_tasks %}``: what an organisation admin should look at (dashboard)."""

from django import template

from members.selectors.organisations import admin_tasks_for

register = template.Library()


@register.inclusion_tag("members/self_service/_admin_tasks.html", takes_context=True)
def organisation_admin_tasks(context) -> dict:
    """Pending requests to join and profiles due for confirmation, per organisation."""
    request = context["request"]
    return {
        "tasks": admin_tasks_for(request.user),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }

"""Template tags of cooperation projects: amounts in euros, and the "start a project" link
of an accepted interest.

The interest page includes ``cooperations/projects/_start_from_interest.html`` with the
interest; that partial calls ``interest_project``, so the interest view needs no extra
context.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import template

from cooperations.amounts import euro as euro_text
from cooperations.models import Interest, Project
from members import roles

register = template.Library()


@register.filter
def euro(amount: Decimal | None) -> str:
    """``{{ amount|euro }}``: "26.550,00 €" in German, "€26,550.00" in English."""
    return euro_text(amount)


@dataclass(frozen=True)
class InterestProject:
    project: Project | None  # the project already started from the interest
    may_start: bool  # the user may start one now


@register.simple_tag(takes_context=True)
def interest_project(context, interest: Interest) -> InterestProject:
    """The project of an accepted interest, or whether the user may start one: the admins
    of either side may, once the interest is accepted."""
    if interest.status != Interest.Status.ACCEPTED:
        return InterestProject(project=None, may_start=False)
    project = interest.projects.first()
    admin_of = roles.for_user(context["request"].user).admin_of
    sides = {interest.organisation_id, interest.listing.organisation_id}
    return InterestProject(project=project, may_start=project is None and bool(sides & admin_of))

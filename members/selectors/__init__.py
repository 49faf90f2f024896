"""Reusable reads of the members app, one module per concern; import from the modules."""

from members.selectors.networks import (
    dashboard_for,
    network_members,
    networks_with_member_counts,
)
from members.selectors.organisations import organisation_profile

__all__ = [
    "dashboard_for",
    "network_members",
    "networks_with_member_counts",
    "organisation_profile",
]

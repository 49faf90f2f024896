from members.models.imports import MemberImport
from members.models.networks import Membership, Network, NetworkManager
from members.models.organisations import Organisation
from members.models.people import Person, User
from members.models.requests import ColleagueInvitation, JoinRequest
from members.models.taxonomy import Region, Sector, TrainingOccupation

__all__ = [
    "ColleagueInvitation",
    "JoinRequest",
    "MemberImport",
    "Membership",
    "Network",
    "NetworkManager",
    "Organisation",
    "Person",
    "Region",
    "Sector",
    "TrainingOccupation",
    "User",
]

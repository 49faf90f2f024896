from cooperations.models.digests import DigestSubscription
from cooperations.models.interests import Interest, Introduction
from cooperations.models.listings import Listing
from cooperations.models.projects import Funding, Milestone, Project, ProjectNetwork, ProjectPartner
from cooperations.models.taxonomy import Topic

__all__ = [
    "DigestSubscription",
    "Funding",
    "Interest",
    "Introduction",
    "Listing",
    "Milestone",
    "Project",
    "ProjectNetwork",
    "ProjectPartner",
    "Topic",
]

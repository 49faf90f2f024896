"""Self-service of organisations: create, join, edit the profile, people, invite colleagues.

``organisationen/neu/`` must come before the profile's ``organisationen/<slug>/`` (see
``members.urls``); ``neu`` is never given as a slug.
"""

from django.urls import path

from members.views import people
from members.views import self_service as views

ORGANISATION = "organisationen/<slug:slug>/"

urlpatterns = [
    path("organisationen/neu/", views.organisation_create, name="organisation_create"),
    path(f"{ORGANISATION}bearbeiten/", views.organisation_edit, name="organisation_edit"),
    path(f"{ORGANISATION}bestaetigen/", views.organisation_confirm, name="organisation_confirm"),
    path(f"{ORGANISATION}beitreten/", views.organisation_join, name="organisation_join"),
    path(f"{ORGANISATION}personen/", people.organisation_people, name="organisation_people"),
    path(f"{ORGANISATION}personen/neu/", people.person_add, name="person_add"),
    path(f"{ORGANISATION}personen/<int:pk>/", people.person_edit, name="person_edit"),
    path(
        f"{ORGANISATION}personen/<int:pk>/aktiv/",
        people.person_set_active,
        name="person_set_active",
    ),
    path(f"{ORGANISATION}personen/<int:pk>/rolle/", people.person_set_role, name="person_set_role"),
    path(
        f"{ORGANISATION}anfragen/<int:pk>/",
        people.join_request_decide,
        name="join_request_decide",
    ),
    path(f"{ORGANISATION}einladen/", people.invitation_create, name="invitation_create"),
    path(
        f"{ORGANISATION}einladungen/<int:pk>/zurueckziehen/",
        people.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("einladung/<str:token>/", people.invitation_open, name="invitation"),
]

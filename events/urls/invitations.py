"""Invitations: the manager's pages of one event, and the invitee's personal link."""

from django.urls import path

from events.views import invitation_link, invitations

EVENT = "verwaltung/veranstaltungen/<int:pk>/"
BATCH = EVENT + "einladen/<int:batch>/"

urlpatterns = [
    path(EVENT + "einladen/", invitations.manage_invite, name="manage_invite"),
    path(BATCH, invitations.manage_invite_batch, name="manage_invite_batch"),
    path(BATCH + "senden/", invitations.manage_invite_send, name="manage_invite_send"),
    path(BATCH + "verwerfen/", invitations.manage_invite_discard, name="manage_invite_discard"),
    path(EVENT + "einladungen/", invitations.manage_invitations, name="manage_invitations"),
    path("veranstaltungen/einladung/<str:token>/", invitation_link.invitation, name="invitation"),
]

"""The manager area's registration pages of one event: list, check-in, exports, mails."""

from django.urls import path, re_path

from events.views import attendance, checkin

EVENT = "verwaltung/veranstaltungen/<int:pk>/"
REGISTRATION = "verwaltung/veranstaltungen/anmeldungen/<int:pk>/"

urlpatterns = [
    path(EVENT, attendance.manage_event, name="manage_event"),
    path(EVENT + "zahlen/", attendance.manage_counts, name="manage_counts"),
    re_path(
        r"^verwaltung/veranstaltungen/(?P<pk>[0-9]+)/teilnehmende\.(?P<fmt>csv|xlsx)$",
        attendance.manage_export,
        name="manage_export",
    ),
    path(EVENT + "teilnehmerliste/", attendance.manage_print, name="manage_print"),
    path(EVENT + "e-mails/", attendance.manage_mails, name="manage_mails"),
    path(EVENT + "check-in/", checkin.manage_checkin, name="manage_checkin"),
    path(EVENT + "nachmelden/", checkin.manage_walk_in, name="manage_walk_in"),
    path(REGISTRATION + "nachruecken/", attendance.manage_move_up, name="manage_move_up"),
    path(
        REGISTRATION + "stornieren/",
        attendance.manage_cancel_registration,
        name="manage_cancel_registration",
    ),
    path(REGISTRATION + "check-in/", checkin.manage_checkin_toggle, name="manage_checkin_toggle"),
]

"""The cancel link of registration mails, and the manager's reminder rules of an event."""

from django.urls import path

from events.views import messaging as views

EVENT = "verwaltung/veranstaltungen/<int:pk>/"

urlpatterns = [
    path("anmeldungen/absagen/<str:token>/", views.cancel_link, name="cancel_link"),
    path(EVENT + "erinnerungen/", views.manage_reminders, name="manage_reminders"),
    path(EVENT + "erinnerungen/neu/", views.manage_reminder_add, name="manage_reminder_add"),
    path(
        EVENT + "erinnerungen/<int:rule_pk>/entfernen/",
        views.manage_reminder_remove,
        name="manage_reminder_remove",
    ),
]

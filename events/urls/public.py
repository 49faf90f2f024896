"""Public event pages, registration, "My events" and the iCalendar feeds."""

from django.urls import path

from events.views import public as views

urlpatterns = [
    path("veranstaltungen/", views.event_list, name="list"),
    path("veranstaltungen/kalender.ics", views.calendar_feed, name="feed"),
    path("veranstaltungen/<int:pk>/kalender.ics", views.event_ics, name="ics"),
    path("netzwerke/<slug:slug>/kalender.ics", views.network_feed, name="network_feed"),
    path("veranstaltungen/<int:pk>/", views.event_detail, name="detail"),
    path("veranstaltungen/<int:pk>/anmelden/", views.event_register, name="register"),
    path("anmeldungen/<int:pk>/stornieren/", views.registration_cancel, name="registration_cancel"),
    path("meine-veranstaltungen/", views.my_events, name="mine"),
]

from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("veranstaltungen/", views.event_list, name="list"),
    path("veranstaltungen/<int:pk>/", views.event_detail, name="detail"),
    path("veranstaltungen/<int:pk>/anmelden/", views.event_register, name="register"),
    path("anmeldungen/<int:pk>/stornieren/", views.registration_cancel, name="registration_cancel"),
    path("meine-veranstaltungen/", views.my_events, name="mine"),
]

"""URLs of the e-mail settings and the unsubscribe links."""

from django.urls import path

from network_portal import preference_views as views

urlpatterns = [
    path("mein-bereich/e-mails/", views.mail_preferences, name="mail_preferences"),
    path("e-mails/abbestellen/<str:token>/", views.mail_unsubscribe, name="mail_unsubscribe"),
]

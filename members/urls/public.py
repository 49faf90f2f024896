"""The directory and organisation profiles."""

from django.urls import path

from members.views import public as views

urlpatterns = [
    path("mitglieder/", views.directory, name="directory"),
    path("organisationen/<slug:slug>/", views.organisation_detail, name="organisation"),
]

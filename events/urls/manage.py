"""The manager area's event pages: list, create, edit, copy, publish, cancel."""

from django.urls import path

from events.views import manage as views

PREFIX = "verwaltung/veranstaltungen/"

urlpatterns = [
    path(PREFIX, views.manage_list, name="manage_list"),
    path(PREFIX + "neu/", views.manage_create, name="manage_create"),
    path(PREFIX + "<int:pk>/bearbeiten/", views.manage_edit, name="manage_edit"),
    path(PREFIX + "<int:pk>/kopieren/", views.manage_copy, name="manage_copy"),
    path(PREFIX + "<int:pk>/veroeffentlichen/", views.manage_publish, name="manage_publish"),
    path(PREFIX + "<int:pk>/absagen/", views.manage_cancel, name="manage_cancel"),
]

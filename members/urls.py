from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("mitglieder/", views.directory, name="directory"),
    path("netzwerke/", views.network_list, name="networks"),
    path("netzwerke/<slug:slug>/", views.network_detail, name="network"),
    path("organisationen/<slug:slug>/", views.organisation_detail, name="organisation"),
]

"""Network pages, applications to join a network, and the managers' dashboard."""

from django.urls import path

from members.views import networks as views

urlpatterns = [
    path("netzwerke/", views.network_list, name="networks"),
    path("netzwerke/<slug:slug>/", views.network_detail, name="network"),
]

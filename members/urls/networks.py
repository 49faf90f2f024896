"""Network pages, applications to join a network, and the managers' dashboard."""

from django.urls import path

from members.views import dashboard
from members.views import networks as views

urlpatterns = [
    path("netzwerke/", views.network_list, name="networks"),
    path("netzwerke/<slug:slug>/", views.network_detail, name="network"),
    path("netzwerke/<slug:slug>/aufnahmeantrag/", views.network_apply, name="network_apply"),
    path("verwaltung/", dashboard.manage_dashboard, name="manage_dashboard"),
    path("verwaltung/aufnahmeantraege/", dashboard.application_queue, name="applications"),
    path(
        "verwaltung/aufnahmeantraege/<int:pk>/annehmen/",
        dashboard.application_approve,
        name="application_approve",
    ),
    path(
        "verwaltung/aufnahmeantraege/<int:pk>/ablehnen/",
        dashboard.application_decline,
        name="application_decline",
    ),
]

"""URLs of cooperation projects and the managers' view of cooperations (namespace
"cooperations"). ``cooperations.urls`` adds these patterns to its own.

Projects are found by their short name (slug); "neu" is a fixed word and never a slug.
"""

from django.urls import path, re_path

from cooperations.views import manage, project_parts, projects

PROJECT = "kooperationen/projekte/<slug:slug>/"

urlpatterns = [
    path("kooperationen/projekte/", projects.project_list, name="projects"),
    path("kooperationen/projekte/neu/", projects.project_create, name="project_create"),
    path(
        "kooperationen/interessen/<int:pk>/projekt/",
        projects.project_from_interest,
        name="project_from_interest",
    ),
    path(PROJECT, projects.project_detail, name="project"),
    path(f"{PROJECT}bearbeiten/", projects.project_edit, name="project_edit"),
    path(f"{PROJECT}veroeffentlichung/", projects.project_publication, name="project_publication"),
    path(f"{PROJECT}foerderung/neu/", project_parts.funding_add, name="funding_add"),
    path(f"{PROJECT}foerderung/<int:pk>/", project_parts.funding_edit, name="funding_edit"),
    path(
        f"{PROJECT}foerderung/<int:pk>/entfernen/",
        project_parts.funding_remove,
        name="funding_remove",
    ),
    path(f"{PROJECT}meilensteine/neu/", project_parts.milestone_add, name="milestone_add"),
    path(f"{PROJECT}meilensteine/<int:pk>/", project_parts.milestone_edit, name="milestone_edit"),
    path(
        f"{PROJECT}meilensteine/<int:pk>/erledigt/",
        project_parts.milestone_done,
        name="milestone_done",
    ),
    path(
        f"{PROJECT}meilensteine/<int:pk>/entfernen/",
        project_parts.milestone_remove,
        name="milestone_remove",
    ),
    path(f"{PROJECT}partner/neu/", project_parts.partner_add, name="partner_add"),
    path(
        f"{PROJECT}partner/<int:pk>/entfernen/",
        project_parts.partner_remove,
        name="partner_remove",
    ),
    path(f"{PROJECT}netzwerke/neu/", project_parts.network_add, name="network_add"),
    path(
        f"{PROJECT}netzwerke/<int:pk>/entfernen/",
        project_parts.network_remove,
        name="network_remove",
    ),
    # The managers' view
    path("verwaltung/kooperationen/", manage.manage_marketplace, name="manage_marketplace"),
    re_path(
        r"^verwaltung/kooperationen/export/(?P<what>angebote|interessen)\.csv$",
        manage.manage_export,
        name="manage_export",
    ),
    path("verwaltung/kooperationen/projekte/", manage.manage_projects, name="manage_projects"),
]

"""URLs of the members app: one module per area, all in the ``members`` namespace."""

from members.urls import manage, networks, public, self_service

app_name = "members"

# Self-service first: its "organisationen/neu/" would otherwise be read as a profile's slug.
urlpatterns = [
    *self_service.urlpatterns,
    *public.urlpatterns,
    *networks.urlpatterns,
    *manage.urlpatterns,
]

"""URLs of the members app: one module per area, all in the ``members`` namespace."""

from members.urls import manage, networks, public, self_service

app_name = "members"

urlpatterns = [
    *public.urlpatterns,
    *self_service.urlpatterns,
    *networks.urlpatterns,
    *manage.urlpatterns,
]

"""URLs of the events app: one module per area, all in the ``events`` namespace."""

from events.urls import attendance, invitations, manage, messaging, public

app_name = "events"

urlpatterns = [
    *public.urlpatterns,
    *manage.urlpatterns,
    *attendance.urlpatterns,
    *invitations.urlpatterns,
    *messaging.urlpatterns,
]

"""URLs of the events app: one module per area, all in the ``events`` namespace."""

from events.urls import attendance, manage, public

app_name = "events"

urlpatterns = [*public.urlpatterns, *manage.urlpatterns, *attendance.urlpatterns]

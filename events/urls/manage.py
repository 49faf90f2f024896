"""The manager area's event pages: list, create, edit, copy, publish, cancel."""

urlpatterns = []

"""The manager area's registration pages of one event: list, check-in, exports, mails."""

urlpatterns = []

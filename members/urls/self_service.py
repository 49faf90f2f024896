"""Self-service of organisations: create, join, edit the profile, invite colleagues."""

urlpatterns = []

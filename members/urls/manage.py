"""The managers' member administration: lists, edits, import and export."""

urlpatterns = []

from django.contrib import admin

from network_portal.models import LegalPage, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox: every mail the portal sent or keeps, readable by platform admins."""

    list_display = ["created_at", "recipient", "subject", "kind", "status", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient", "subject"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "updated_at"]

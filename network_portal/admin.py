from django.contrib import admin

from network_portal.models import AuditEntry, LegalPage, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox: every mail the portal sent or keeps, readable by platform admins."""

    list_display = ["created_at", "recipient", "subject", "kind", "status", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient", "subject", "about"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only: nobody edits or deletes what happened."""

    list_display = ["created_at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "actor__email", "object_id"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    list_select_related = ["actor"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "updated_at"]

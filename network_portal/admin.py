from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from network_portal import outbox
from network_portal.models import AuditEntry, LegalPage, OutgoingMail
from network_portal.privacy import admin as privacy_admin  # noqa: F401 - registers its models


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox: every mail the portal sent or keeps, readable by platform admins."""

    list_display = ["created_at", "recipient", "subject", "kind", "status", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient", "subject", "about"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    actions = ["mark_delivered", "send_again"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Uncertain mail: the recipient has it (mark as sent)"))
    def mark_delivered(self, request, queryset) -> None:
        count = outbox.mail_settle_uncertain(
            mail_ids=list(queryset.values_list("pk", flat=True)), delivered=True
        )
        self.message_user(request, _("%(count)d mails marked as sent.") % {"count": count})

    @admin.action(description=_("Uncertain mail: the recipient does not have it (send again)"))
    def send_again(self, request, queryset) -> None:
        count = outbox.mail_settle_uncertain(
            mail_ids=list(queryset.values_list("pk", flat=True)), delivered=False
        )
        self.message_user(request, _("%(count)d mails queued again.") % {"count": count})


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

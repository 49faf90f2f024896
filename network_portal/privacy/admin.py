"""Admin of the consent ledger: publish new text versions; consents are read-only.

Imported by ``network_portal.admin`` (Django looks for admin modules only at app level).
"""

from django.contrib import admin

from network_portal.models import AnonymisedPerson, Consent, ConsentText
from network_portal.privacy.consent import consent_text_publish


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    """A published text never changes: a new wording is added as the next version."""

    list_display = ["purpose", "version", "valid_from"]
    list_filter = ["purpose"]
    fields = ["purpose", "text_de", "text_en", "valid_from"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        published = consent_text_publish(
            purpose=obj.purpose,
            text_de=obj.text_de,
            text_en=obj.text_en,
            valid_from=obj.valid_from,
        )
        obj.pk, obj.version = published.pk, published.version


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["given_at", "purpose", "user", "person", "withdrawn_at"]
    list_filter = ["purpose"]
    list_select_related = ["user", "person"]
    readonly_fields = [f.name for f in Consent._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AnonymisedPerson)
class AnonymisedPersonAdmin(admin.ModelAdmin):
    list_display = ["anonymised_at", "reason", "organisation", "slot"]
    list_filter = ["reason"]
    list_select_related = ["organisation"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

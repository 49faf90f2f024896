from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import (
    ColleagueInvitation,
    JoinRequest,
    MemberImport,
    Membership,
    Network,
    NetworkManager,
    Organisation,
    Person,
    Region,
    Sector,
    TrainingOccupation,
    User,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_superuser", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "language"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "state"]
    list_filter = ["state"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Sector, TrainingOccupation)
class BilingualNameAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "name_en"]


class NetworkManagerInline(admin.TabularInline):
    model = NetworkManager
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "is_open"]
    list_filter = ["kind", "is_open"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]
    autocomplete_fields = ["parent", "regions"]
    inlines = [NetworkManagerInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class PersonInline(admin.TabularInline):
    model = Person
    autocomplete_fields = ["user"]
    fields = ["first_name", "last_name", "function", "email", "role", "user", "is_public_contact"]
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["network", "role", "status", "started_on", "ended_on"]
    autocomplete_fields = ["network"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "postal_code", "city", "region", "visibility", "confirmed_on"]
    list_filter = ["kind", "visibility", "size", "region", "sectors", "networks"]
    list_select_related = ["region"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "city", "postal_code", "email"]
    autocomplete_fields = ["region", "sectors", "training_occupations"]
    date_hierarchy = "created_at"
    inlines = [PersonInline, MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "network", "role", "status", "started_on", "ended_on"]
    list_filter = ["status", "role", "network"]
    search_fields = ["organisation__name", "network__name"]
    list_select_related = ["organisation", "network"]
    autocomplete_fields = ["organisation", "network", "decided_by"]
    readonly_fields = ["applied_at", "decided_at"]
    date_hierarchy = "applied_at"


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "role", "function", "email", "user"]
    list_filter = ["role", "is_active", "is_public_contact"]
    search_fields = ["first_name", "last_name", "email", "organisation__name"]
    list_select_related = ["organisation", "user"]
    autocomplete_fields = ["organisation", "user"]


@admin.register(NetworkManager)
class NetworkManagerAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "since"]
    list_filter = ["network"]
    search_fields = ["user__email", "user__last_name", "network__name"]
    list_select_related = ["user", "network"]
    autocomplete_fields = ["user", "network"]


class ReadMostlyAdmin(admin.ModelAdmin):
    """Rows written by the portal's own flows: read here, never added past the rules."""

    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        editable = getattr(self, "editable_fields", [])
        return [f.name for f in self.model._meta.fields if f.name not in editable]


@admin.register(JoinRequest)
class JoinRequestAdmin(ReadMostlyAdmin):
    list_display = ["user", "organisation", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    date_hierarchy = "created_at"


@admin.register(ColleagueInvitation)
class ColleagueInvitationAdmin(ReadMostlyAdmin):
    list_display = ["email", "organisation", "role", "status", "created_at", "invited_by"]
    list_filter = ["status", "role"]
    search_fields = ["email", "last_name", "organisation__name"]
    list_select_related = ["organisation", "invited_by"]
    date_hierarchy = "created_at"
    editable_fields = ["status"]  # withdraw an invitation sent by mistake


@admin.register(MemberImport)
class MemberImportAdmin(ReadMostlyAdmin):
    list_display = ["file_name", "network", "uploaded_by", "status", "rows_total", "created_at"]
    list_filter = ["status", "network"]
    search_fields = ["file_name", "network__name", "uploaded_by__email"]
    list_select_related = ["network", "uploaded_by"]
    exclude = ["content"]  # the uploaded rows: personal data, read only by the import
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        return [name for name in super().get_readonly_fields(request, obj) if name != "content"]

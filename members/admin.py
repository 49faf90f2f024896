from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import (
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
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    filter_horizontal = ["regions"]
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
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "size", "visibility", "confirmed_on"]
    list_filter = ["kind", "visibility", "size", "region"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "city"]
    filter_horizontal = ["sectors", "training_occupations"]
    inlines = [PersonInline, MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "network", "role", "status", "applied_at"]
    list_filter = ["status", "role", "network"]
    search_fields = ["organisation__name"]
    list_select_related = ["organisation", "network"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "role", "function", "user"]
    list_filter = ["role"]
    search_fields = ["first_name", "last_name", "email", "organisation__name"]
    list_select_related = ["organisation", "user"]
    autocomplete_fields = ["organisation", "user"]

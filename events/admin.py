"""Admin for series, events, sessions, people at events and registrations."""

from django.contrib import admin
from django.db import models

from events.models import Event, EventPerson, EventSeries, Registration, Session, WorkshopChoice
from events.services import SEQUENCE_FIELDS


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name", "description"]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["title", "starts_at", "ends_at", "is_workshop", "capacity", "slot", "room"]


class EventPersonInline(admin.TabularInline):
    model = EventPerson
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["role", "person", "name", "function", "session", "position"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "format", "status", "capacity", "series"]
    list_filter = ["status", "format", "series", "organising_networks", "region"]
    list_select_related = ["series"]
    search_fields = ["title", "venue", "description"]
    date_hierarchy = "starts_at"
    autocomplete_fields = [
        "series",
        "organising_networks",
        "audience_networks",
        "host_organisation",
        "region",
        "target_regions",
        "target_sectors",
        "contact_person",
    ]
    inlines = [SessionInline, EventPersonInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change) -> None:
        """Calendars only pick up a change of time, place or status with a higher SEQUENCE."""
        if change and SEQUENCE_FIELDS.intersection(form.changed_data):
            obj.sequence += 1
        super().save_model(request, obj, form, change)


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "starts_at", "is_workshop", "capacity", "slot"]
    list_filter = ["is_workshop"]
    list_select_related = ["event"]
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event"]


@admin.register(EventPerson)
class EventPersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "session", "role"]
    list_filter = ["role"]
    list_select_related = ["event", "session", "person"]
    search_fields = ["name", "person__last_name", "event__title"]
    autocomplete_fields = ["event", "session", "person"]


class WorkshopChoiceInline(admin.TabularInline):
    model = WorkshopChoice
    extra = 0
    autocomplete_fields = ["session"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Read and check in here; capacity decisions belong to ``events.services``."""

    list_display = ["person", "organisation", "event", "status", "created_at", "checked_in_at"]
    list_filter = ["status", "source", "event"]
    list_select_related = ["person", "organisation", "event"]
    date_hierarchy = "created_at"
    search_fields = [
        "person__first_name",
        "person__last_name",
        "organisation__name",
        "event__title",
    ]
    autocomplete_fields = [
        "event",
        "person",
        "organisation",
        "registered_by",
        "cancelled_by",
        "checked_in_by",
    ]
    readonly_fields = ["status", "created_at", "cancelled_at", "consent_at"]
    inlines = [WorkshopChoiceInline]

    def has_add_permission(self, request) -> bool:
        return False  # registrations go through events.services (capacity, waiting list)

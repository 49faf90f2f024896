from django import forms
from django.contrib import admin

from cooperations.models import (
    DigestSubscription,
    Funding,
    Interest,
    Introduction,
    Listing,
    Milestone,
    Project,
    ProjectNetwork,
    ProjectPartner,
    Topic,
)
from members.models import Organisation


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "name_en"]


class ListingAdminForm(forms.ModelForm):
    partner_kinds = forms.MultipleChoiceField(
        label=Listing._meta.get_field("partner_kinds").verbose_name,
        choices=Organisation.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Listing
        exclude: list[str] = []


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    form = ListingAdminForm
    list_display = ["title", "organisation", "kind", "visibility", "status", "valid_until"]
    list_filter = ["status", "kind", "visibility", "topics", "shared_networks"]
    list_select_related = ["organisation"]
    search_fields = ["title", "summary", "organisation__name"]
    autocomplete_fields = [
        "organisation",
        "topics",
        "sectors",
        "regions",
        "shared_networks",
        "created_by",
    ]
    readonly_fields = ["published_at", "closed_at", "reminder_sent_for", "created_at", "updated_at"]
    date_hierarchy = "created_at"


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["listing", "organisation", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["listing", "organisation"]
    search_fields = ["listing__title", "organisation__name", "user__email"]
    autocomplete_fields = ["listing", "organisation", "user", "decided_by"]
    readonly_fields = ["created_at", "updated_at", "decided_at", "withdrawn_at"]
    date_hierarchy = "created_at"


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "broker_organisation",
        "first_answer",
        "second_answer",
        "status",
        "created_at",
    ]
    list_filter = ["status", "first_answer", "second_answer"]
    list_select_related = ["first_organisation", "second_organisation", "broker_organisation"]
    search_fields = [
        "first_organisation__name",
        "second_organisation__name",
        "broker_organisation__name",
    ]
    autocomplete_fields = [
        "broker_organisation",
        "broker",
        "first_organisation",
        "second_organisation",
        "listing",
        "first_answered_by",
        "second_answered_by",
    ]
    readonly_fields = ["created_at", "updated_at", "first_answered_at", "second_answered_at"]
    date_hierarchy = "created_at"


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    autocomplete_fields = ["organisation"]
    extra = 0


class ProjectNetworkInline(admin.TabularInline):
    model = ProjectNetwork
    autocomplete_fields = ["network"]
    extra = 0


class FundingInline(admin.TabularInline):
    model = Funding
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "lead_organisation", "topic", "status", "is_public", "starts_on"]
    list_filter = ["status", "topic", "is_public", "networks__network"]
    list_select_related = ["lead_organisation", "topic"]
    search_fields = ["title", "description", "lead_organisation__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_organisation", "topic", "from_interest", "created_by"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ProjectPartnerInline, ProjectNetworkInline, FundingInline, MilestoneInline]


@admin.register(Funding)
class FundingAdmin(admin.ModelAdmin):
    list_display = ["programme", "funder", "amount", "approved_on", "project"]
    list_filter = ["funder"]
    list_select_related = ["project"]
    search_fields = ["programme", "funder", "project__title"]
    autocomplete_fields = ["project"]
    date_hierarchy = "approved_on"


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "due_on", "done", "done_on"]
    list_filter = ["done"]
    list_select_related = ["project"]
    search_fields = ["title", "project__title"]
    autocomplete_fields = ["project"]


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "created_at", "last_sent_at"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["created_at"]

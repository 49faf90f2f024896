"""Forms of the managers' member administration: list filters, ending, import upload."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from members.forms.directory import _choice_by_slug
from members.models import Membership, Network, Organisation, Region, Sector
from members.selectors.manage import ALL_STATUSES, Sort


class MemberFilterForm(forms.Form):
    """The member list's GET parameters. Invalid values are reported and then ignored."""

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Name, city, postcode or e-mail address of the organisation or a contact"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All my networks"),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            ("", _("Members and partners")),
            ("member", _("members")),
            ("partner", _("partners")),
        ],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Membership.Status.ACTIVE, _("active")),
            (Membership.Status.APPLIED, _("applied")),
            (Membership.Status.ENDED, _("ended")),
            (ALL_STATUSES, _("any status")),
        ],
        required=False,
    )
    region = _choice_by_slug(Region, label=_("Region"), empty_label=_("All regions"))
    sector = _choice_by_slug(Sector, label=_("Sector"), empty_label=_("All sectors"))
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
        required=False,
    )
    size = forms.ChoiceField(
        label=_("Size"),
        choices=[("", _("All sizes")), *Organisation.Size.choices],
        required=False,
    )
    profile = forms.ChoiceField(
        label=_("Profile"),
        choices=[
            ("", _("Confirmed or not")),
            ("confirmed", _("confirmed within 13 months")),
            ("stale", _("not confirmed for 13 months")),
        ],
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            (Sort.NAME, _("name")),
            (Sort.NEWEST, _("member since, newest first")),
            (Sort.OLDEST, _("member since, oldest first")),
            (Sort.POSTCODE, _("postcode")),
            (Sort.NETWORK, _("network")),
        ],
        required=False,
    )

    FILTERS = ("network", "role", "status", "region", "sector", "kind", "size", "profile")

    def __init__(self, *args, networks: QuerySet[Network], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks.order_by("name")

    def list_arguments(self) -> dict:
        """Keyword arguments for ``managed_members``, from the valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "filters": {name: data[name] for name in self.FILTERS if data.get(name)},
            "query": data.get("q", ""),
            "sort": data.get("sort", ""),
        }

    def audit_filters(self) -> dict[str, str]:
        """The filters for the audit log: names and codes, never the search words."""
        arguments = self.list_arguments()
        recorded = {
            name: str(getattr(value, "slug", value)) for name, value in arguments["filters"].items()
        }
        if arguments["query"]:
            recorded["search"] = "yes"
        return recorded


class EndMembershipForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with the membership; visible to the network's managers."),
    )


class MemberImportForm(forms.Form):
    network = forms.ModelChoiceField(
        label=_("Import into network"), queryset=Network.objects.none(), to_field_name="slug"
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 or Windows-1252, semicolons or commas, at most 5 MB and 5,000 rows."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )

    def __init__(self, *args, networks: QuerySet[Network], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks.order_by("name")
        if len(networks) == 1:
            self.fields["network"].initial = networks[0].slug
            self.fields["network"].empty_label = None

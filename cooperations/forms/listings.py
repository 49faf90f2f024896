"""The form of a listing: what is offered or sought, for whom, visible to whom, until when."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cooperations.models import Listing, Topic
from cooperations.models.listings import default_valid_until
from cooperations.services.listings import LISTING_FIELDS, RELATED_FIELDS
from members.models import Network, Organisation, Region, Sector

LONGEST_VALIDITY = datetime.timedelta(days=2 * 365)


class _TermChoiceField(forms.ModelMultipleChoiceField):
    """Topics and sectors as check boxes, in the visitor's language."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.label


def _capitalised(choices) -> list[tuple[str, str]]:
    return [(value, capfirst(label)) for value, label in choices]


class ListingForm(forms.ModelForm):
    """Create or edit a listing; ``organisations`` are those the user may post for."""

    organisation = forms.ModelChoiceField(
        label=_("Posted by"), queryset=Organisation.objects.none(), empty_label=None
    )
    topics = _TermChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        error_messages={"required": _("Choose at least one topic.")},
    )
    sectors = _TermChoiceField(
        label=_("Sectors"), queryset=Sector.objects.order_by("name"), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Target regions"),
        queryset=Region.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty if the region does not matter."),
    )
    partner_kinds = forms.MultipleChoiceField(
        label=_("Kinds of partner sought"),
        choices=Organisation.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty if any kind of organisation is welcome."),
    )
    shared_networks = forms.ModelMultipleChoiceField(
        label=_("Networks"),
        queryset=Network.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members of these networks and their managers see the listing."),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        initial=default_valid_until,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("At most two years ahead. We remind you two weeks before."),
    )

    class Meta:
        model = Listing
        fields = [
            "kind",
            "title",
            "summary",
            "description",
            "topics",
            "sectors",
            "regions",
            "partner_kinds",
            "visibility",
            "shared_networks",
            "valid_until",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        # Radio buttons: no empty choice, labels starting with a capital letter.
        self.fields["kind"].choices = _capitalised(Listing.Kind.choices)
        self.fields["visibility"].choices = _capitalised(Listing.Visibility.choices)

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_valid_until(self) -> datetime.date:
        day = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Please choose today or a later date."))
        if day > today + LONGEST_VALIDITY:
            raise forms.ValidationError(_("Please choose a date at most two years ahead."))
        return day

    def clean(self) -> dict:
        data = super().clean()
        networks_chosen = data.get("visibility") == Listing.Visibility.NETWORKS
        if networks_chosen and not data.get("shared_networks"):
            self.add_error("shared_networks", _("Choose the networks that may see the listing."))
        return data

    def listing_data(self) -> dict:
        """The cleaned listing for ``listing_create`` / ``listing_update``."""
        fields = (*LISTING_FIELDS, *RELATED_FIELDS)
        return {name: self.cleaned_data[name] for name in fields if name in self.cleaned_data}

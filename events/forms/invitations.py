"""Forms of the invitations pages: choosing the audience, and filtering the invitations."""

from django import forms
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.address_lists import MAX_ADDRESSES, AddressList, AddressListError, read_address_list
from events.models import InvitationBatch
from events.selectors.invitations import State
from members.models import Network, Organisation, Region, Sector

Source = InvitationBatch.Source
People = InvitationBatch.People
CHECKBOXES = forms.CheckboxSelectMultiple


class InviteForm(forms.Form):
    """The audience of a new batch: members of networks (filtered), chosen organisations,
    or an uploaded address list; and which persons of the organisations."""

    source = forms.ChoiceField(
        label=_("Whom do you want to invite?"),
        choices=Source.choices,
        initial=Source.NETWORKS,
        widget=forms.RadioSelect,
    )
    networks = forms.ModelMultipleChoiceField(
        label=_("Networks"), queryset=None, required=False, widget=CHECKBOXES
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Only organisations in these regions"),
        queryset=Region.objects.order_by("name"),
        required=False,
        widget=CHECKBOXES,
        help_text=_("None ticked: all regions."),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Only organisations in these sectors"),
        queryset=Sector.objects.all(),
        required=False,
        widget=CHECKBOXES,
        help_text=_("None ticked: all sectors."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Only these kinds of organisation"),
        choices=Organisation.Kind.choices,
        required=False,
        widget=CHECKBOXES,
        help_text=_("None ticked: all kinds."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"), queryset=None, required=False, widget=CHECKBOXES
    )
    people = forms.ChoiceField(
        label=_("Which persons of these organisations?"),
        choices=People.choices,
        initial=People.ALL,
        widget=forms.RadioSelect,
        help_text=_(
            "Only active persons with an e-mail address. Nobody who unsubscribed from "
            "invitations, is invited already or registered already is invited."
        ),
    )
    address_file = forms.FileField(
        label=_("Address list (CSV file)"),
        required=False,
    )
    message = forms.CharField(
        label=_("Personal message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown in the invitation above the event's details."),
    )

    def __init__(
        self, *args, networks: QuerySet[Network], organisations: QuerySet[Organisation], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = networks
        self.fields["organisations"].queryset = organisations
        self.fields["address_file"].help_text = gettext(
            "One e-mail address per row, a name in the other cells if you like; a header "
            "row is optional. At most %(count)s addresses and 1 MB."
        ) % {"count": number_format(MAX_ADDRESSES, force_grouping=True)}
        self.address_list: AddressList | None = None

    def clean(self) -> dict:
        cleaned = super().clean()
        source = cleaned.get("source")
        if source == Source.NETWORKS and not cleaned.get("networks"):
            self.add_error("networks", _("Please choose at least one network."))
        elif source == Source.ORGANISATIONS and not cleaned.get("organisations"):
            self.add_error("organisations", _("Please choose at least one organisation."))
        elif source == Source.ADDRESSES and not self.has_error("address_file"):
            self._read_addresses(cleaned.get("address_file"))
        return cleaned

    def _read_addresses(self, upload) -> None:
        if not upload:
            self.add_error("address_file", _("Please choose a CSV file with the addresses."))
            return
        try:
            self.address_list = read_address_list(upload)
        except AddressListError as error:
            self.add_error("address_file", error.messages)

    def audience(self) -> dict:
        """The choice as ids, for ``InvitationBatch.audience``."""
        data = self.cleaned_data
        if data["source"] == Source.ORGANISATIONS:
            return {
                "organisations": sorted(o.pk for o in data["organisations"]),
                "people": data["people"],
            }
        if data["source"] == Source.ADDRESSES:
            return {}
        return {
            "networks": sorted(n.pk for n in data["networks"]),
            "regions": sorted(r.pk for r in data["regions"]),
            "sectors": sorted(s.pk for s in data["sectors"]),
            "kinds": sorted(data["kinds"]),
            "people": data["people"],
        }


class InvitationFilterForm(forms.Form):
    """The GET filters of the invitations table; invalid values are ignored."""

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Name, e-mail address or organisation"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All invitations")),
            (State.REGISTERED, _("Registered from the invitation")),
            (State.NOT_REGISTERED, _("Not registered yet")),
            (State.MAIL_FAILED, _("Mail not delivered")),
            (State.UNSUBSCRIBED, _("Not sent: unsubscribed")),
        ],
    )
    batch = forms.ModelChoiceField(
        label=_("Sent with"), queryset=None, required=False, empty_label=_("All batches")
    )

    FILTERS = ("state", "batch")

    def __init__(self, *args, batches: QuerySet[InvitationBatch], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["batch"].queryset = batches
        self.fields["batch"].label_from_instance = _batch_label

    def selector_arguments(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q", ""),
            "state": data.get("state", ""),
            "batch_id": data["batch"].pk if data.get("batch") else None,
        }


def _batch_label(batch: InvitationBatch) -> str:
    when = formats.date_format(timezone.localtime(batch.created_at), "SHORT_DATETIME_FORMAT")
    return f"{when} – {batch.get_source_display()}"

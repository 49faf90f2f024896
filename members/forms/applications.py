"""Forms of applications to join a network, their decisions, and the managers' dashboard."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from members.models import Membership, Network, Organisation

MESSAGE_MAX_LENGTH = 2000


class ApplicationForm(forms.Form):
    """An organisation admin applies for one of their organisations."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    role = forms.ChoiceField(
        label=_("Apply as"),
        choices=[
            (Membership.Role.MEMBER, _("member")),
            (Membership.Role.PARTNER, _("partner (chambers, agencies, universities, institutes)")),
        ],
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the network's managers"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Tell the managers briefly what your organisation does and what it expects "
            "from the network."
        ),
    )

    def __init__(self, *args, organisations: QuerySet[Organisation], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        choices = list(organisations)
        if choices:
            self.fields["organisation"].initial = choices[0].pk
        if not any(organisation.is_partner_organisation for organisation in choices):
            # A company applies as member; no choice to offer.
            self.fields["role"].widget = forms.HiddenInput()

    def clean(self) -> dict:
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if (
            organisation
            and cleaned.get("role") == Membership.Role.PARTNER
            and not organisation.is_partner_organisation
        ):
            self.add_error(
                "role", _("A company applies as member; partner is for partner organisations.")
            )
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant's organisation admins receive this reason by e-mail."),
        error_messages={"required": _("Please give a reason for declining.")},
    )


class ManagedNetworkForm(forms.Form):
    """Which of the managed networks the dashboard or the queue shows; empty: all."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All my networks"),
    )

    def __init__(self, *args, networks: QuerySet[Network], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks

    def chosen_networks(self, networks: QuerySet[Network]) -> QuerySet[Network]:
        """The chosen network, or all of ``networks`` when none (or an invalid one) is chosen."""
        if self.is_valid() and self.cleaned_data["network"]:
            return networks.filter(pk=self.cleaned_data["network"].pk)
        return networks

"""Forms of cooperation projects: the project, a partner, a network, funding, a milestone,
and an organisation's agreement to publication.

The forms check what people typed; the rules between values (period, milestones inside it,
one role per partner) are the services' (``cooperations.services.projects``).
"""

from decimal import Decimal

from django import forms
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cooperations.amounts import AmountError, amount_parse, euro_number
from cooperations.models import Funding, Project, ProjectNetwork, ProjectPartner, Topic
from members.models import Network, Organisation


def _date_input(described_by: str = "") -> forms.DateInput:
    attrs = {"type": "date", "aria-describedby": described_by} if described_by else {"type": "date"}
    return forms.DateInput(attrs=attrs, format="%Y-%m-%d")


def _capitalised(choices) -> list[tuple[str, str]]:
    return [(value, capfirst(label)) for value, label in choices]


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.label


class ProjectForm(forms.Form):
    """The project itself. A new project also names its lead and, if any, leading network;
    started from an interest, both organisations are fixed and the form has no lead."""

    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Its admins change the project together with the networks' managers."),
    )
    network = forms.ModelChoiceField(
        label=_("Leading network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("No network"),
        help_text=_("Its managers see and change the project. You can add more networks later."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    topic = TopicChoiceField(
        label=_("Topic"), queryset=Topic.objects.order_by("name"), empty_label=None
    )
    status = forms.ChoiceField(label=_("Status"), choices=_capitalised(Project.Status.choices))
    starts_on = forms.DateField(label=_("Start"), required=False, widget=_date_input("period-hint"))
    ends_on = forms.DateField(label=_("End"), required=False, widget=_date_input("period-hint"))
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the project achieved, or is meant to achieve."),
    )

    def __init__(
        self,
        *args,
        leads: QuerySet[Organisation] | None = None,
        networks: QuerySet[Network] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        if leads is None:
            del self.fields["lead_organisation"]
        else:
            self.fields["lead_organisation"].queryset = leads
        if networks is None:
            del self.fields["network"]
        else:
            self.fields["network"].queryset = networks

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def project_data(self) -> dict:
        names = ("title", "description", "topic", "status", "starts_on", "ends_on", "outcome")
        return {name: self.cleaned_data[name] for name in names}

    @classmethod
    def initial_of(cls, project: Project) -> dict:
        names = ("title", "description", "status", "starts_on", "ends_on", "outcome")
        return {"topic": project.topic_id, **{name: getattr(project, name) for name in names}}


class EuroAmountField(forms.CharField):
    """An amount in euros as people type it in their language: "26.550,00" in German."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value) -> Decimal | None:
        text = super().to_python(value)
        if not text:
            return None
        try:
            return amount_parse(text)
        except AmountError as error:
            raise forms.ValidationError(error.message, code="amount") from error

    def prepare_value(self, value) -> str:
        if isinstance(value, Decimal | int):
            return euro_number(value)
        return value


class FundingForm(forms.Form):
    programme = forms.CharField(
        label=_("Programme"),
        max_length=200,
        help_text=_("The funding programme or the purpose of the grant."),
    )
    funder = forms.CharField(
        label=_("Funder"), max_length=200, help_text=_("Who grants the money, e.g. a ministry.")
    )
    amount = EuroAmountField(label=_("Amount in EUR"))
    approved_on = forms.DateField(label=_("Approved on"), required=False, widget=_date_input())
    starts_on = forms.DateField(label=_("Funded from"), required=False, widget=_date_input())
    ends_on = forms.DateField(label=_("Funded until"), required=False, widget=_date_input())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        example = euro_number(Decimal("26550.00"))
        self.fields["amount"].help_text = _(
            "Not negative, with cents at most, for example %(example)s."
        ) % {"example": example}

    @classmethod
    def initial_of(cls, funding: Funding) -> dict:
        return {name: getattr(funding, name) for name in cls.base_fields}


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(
        label=_("Due on"),
        widget=_date_input(),
        help_text=_("Within the project period."),
    )

    @classmethod
    def initial_of(cls, milestone) -> dict:
        return {"title": milestone.title, "due_on": milestone.due_on}


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=_capitalised(ProjectPartner.Role.choices), initial="partner"
    )
    contribution = forms.CharField(
        label=_("Contribution"),
        max_length=300,
        required=False,
        help_text=_("What the partner brings in, in a few words."),
    )

    def __init__(self, *args, organisations: QuerySet[Organisation], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class NetworkForm(forms.Form):
    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    role = forms.ChoiceField(
        label=_("Role"), choices=_capitalised(ProjectNetwork.Role.choices), initial="partner"
    )

    def __init__(self, *args, networks: QuerySet[Network], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks


class PublicationForm(forms.Form):
    """One organisation's answer: agree to a public project page, or withdraw agreement."""

    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none())
    agreed = forms.TypedChoiceField(
        choices=[("yes", "yes"), ("no", "no")], coerce=lambda value: value == "yes"
    )

    def __init__(self, *args, organisations: list[Organisation], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        ids = [organisation.pk for organisation in organisations]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)


class DoneForm(forms.Form):
    done = forms.TypedChoiceField(
        choices=[("yes", "yes"), ("no", "no")], coerce=lambda value: value == "yes"
    )

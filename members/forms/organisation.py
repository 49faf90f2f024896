"""Forms of an organisation's self-service: its profile (with logo) and asking to join it."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from members.images import logo_from_upload
from members.models import JoinRequest, Organisation, Region, Sector, TrainingOccupation
from members.services.organisations import PROFILE_FIELDS, RELATED_FIELDS

german_postcode = RegexValidator(
    r"^[0-9]{5}\Z", _("Please enter a German postal code of five digits, such as 44787.")
)


class _TermChoiceField(forms.ModelMultipleChoiceField):
    """Sectors and training occupations as check boxes, in the visitor's language."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.label


class OrganisationForm(forms.ModelForm):
    """The profile of an organisation; ``logo`` is checked and re-encoded (``images``)."""

    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=5,
        validators=[german_postcode],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    city = forms.CharField(label=_("City"), max_length=100)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label=_("(not in one of the regions)"),
    )
    sectors = _TermChoiceField(
        label=_("Sectors"), queryset=Sector.objects.order_by("name"), required=False
    )
    training_occupations = _TermChoiceField(
        label=_("Training occupations offered"),
        queryset=TrainingOccupation.objects.order_by("name"),
        required=False,
        help_text=_("Occupations you train apprentices in (joint vocational training)."),
    )
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 2 MB and 4000 × 4000 pixels."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "street",
            "postal_code",
            "city",
            "region",
            "size",
            "sectors",
            "description",
            "products",
            "competences",
            "training_occupations",
            "website",
            "email",
            "phone",
            "visibility",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "products": forms.Textarea(attrs={"rows": 4}),
            "competences": forms.Textarea(attrs={"rows": 4}),
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["size"].choices = [("", _("(not stated)")), *Organisation.Size.choices]
        if not (self.instance.pk and self.instance.logo):
            del self.fields["remove_logo"]

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        return logo_from_upload(upload) if upload else None

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def profile(self) -> dict:
        """The cleaned profile for ``organisation_create`` / ``organisation_update``."""
        fields = (*PROFILE_FIELDS, *RELATED_FIELDS)
        return {name: self.cleaned_data[name] for name in fields if name in self.cleaned_data}

    def logo_change(self) -> dict:
        """``logo`` and ``remove_logo`` arguments of the services."""
        return {
            "logo": self.cleaned_data.get("logo"),
            "remove_logo": self.cleaned_data.get("remove_logo", False),
        }


class JoinRequestForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    class Meta:
        model = JoinRequest
        fields = ["function", "message"]
        labels = {"function": _("Your function"), "message": _("Message to the admins")}
        help_texts = {
            "function": _("For example: Head of production"),
            "message": _("Optional: tell the admins who you are."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def clean_message(self) -> str:
        message = self.cleaned_data["message"]
        if len(message) > 2000:
            raise ValidationError(_("Please keep the message below 2000 characters."))
        return message

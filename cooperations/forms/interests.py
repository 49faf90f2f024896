"""Forms of interest and consent: express interest, answer it, introduce two organisations,
opt in to the weekly digest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperations.services.interests import MESSAGE_MAX_LENGTH

ACCEPT, DECLINE = "accept", "decline"


class _OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def _hide_single_choice(field: forms.ModelChoiceField):
    """With one organisation there is nothing to choose: a hidden value, used if missing.

    Returns that organisation (``None`` when there is a choice to make).
    """
    choices = list(field.queryset[:2])
    if len(choices) != 1:
        return None
    field.widget = forms.HiddenInput()
    field.initial = choices[0].pk
    field.required = False
    return choices[0]


class InterestForm(forms.Form):
    """A message to the listing's organisation, on behalf of one of the user's organisations."""

    organisation = _OrganisationChoiceField(
        label=_("On behalf of"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Please choose one of your organisations.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What interests you, and what your organisation brings. Your contact details are "
            "passed on only when the organisation accepts."
        ),
        error_messages={"required": _("Please write a short message to the organisation.")},
    )

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.only_organisation = _hide_single_choice(self.fields["organisation"])

    def clean_organisation(self):
        return self.cleaned_data.get("organisation") or self.only_organisation


class AnswerForm(forms.Form):
    """Accept or decline (the button pressed), with an optional reply (interests only)."""

    reply = forms.CharField(
        label=_("Reply (optional)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decision = forms.ChoiceField(
        choices=[(ACCEPT, _("Accept")), (DECLINE, _("Decline"))],
        widget=forms.HiddenInput,
        error_messages={"required": _("Please accept or decline.")},
    )

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == ACCEPT


class ListingAboutForm(forms.Form):
    """``?listing=`` of the introduction form: the id of the listing it is about, if any."""

    listing = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)


class IntroductionForm(forms.Form):
    """A partner introduces two organisations, optionally about a listing of one of them."""

    broker_organisation = _OrganisationChoiceField(
        label=_("You introduce on behalf of"), queryset=None, empty_label=None
    )
    first_organisation = _OrganisationChoiceField(
        label=_("First organisation"), queryset=None, empty_label=_("Choose an organisation")
    )
    second_organisation = _OrganisationChoiceField(
        label=_("Second organisation"), queryset=None, empty_label=_("Choose an organisation")
    )
    listing = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Why should they meet?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Both organisations read this. They see each other's contact details only when "
            "both accept."
        ),
        error_messages={"required": _("Please write why the two should meet.")},
    )

    def __init__(self, *args, brokers, organisations, listings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["broker_organisation"].queryset = brokers
        self.fields["first_organisation"].queryset = organisations
        self.fields["second_organisation"].queryset = organisations
        self.fields["listing"].queryset = listings
        self.only_broker = _hide_single_choice(self.fields["broker_organisation"])

    def clean_broker_organisation(self):
        return self.cleaned_data.get("broker_organisation") or self.only_broker

    def clean(self) -> dict:
        data = super().clean()
        first, second = data.get("first_organisation"), data.get("second_organisation")
        if first and second and first == second:
            self.add_error("second_organisation", _("Please choose two different organisations."))
        listing = data.get("listing")
        if listing and first and second and listing.organisation_id not in (first.pk, second.pk):
            self.add_error(None, _("The listing must belong to one of the two organisations."))
        return data


class DigestForm(forms.Form):
    """Opt in or out of the weekly digest for one of the user's organisations."""

    organisation = _OrganisationChoiceField(queryset=None, widget=forms.HiddenInput)
    subscribe = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1"
    )

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

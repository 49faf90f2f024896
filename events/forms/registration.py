"""The registration form: whom to register, workshops, access needs and consent."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from events.models import Event


class RegistrationForm(forms.Form):
    person = forms.ModelChoiceField(
        queryset=None, label=_("Register as"), empty_label=None, to_field_name="pk"
    )
    workshops = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Workshops"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Workshops in the same time slot cannot be combined."),
    )
    access_needs = forms.CharField(
        label=_("Access needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example step-free access or a sign language interpreter."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and organisation are passed to the organisers for this event."
        ),
        required=True,
    )

    def __init__(self, *args, event: Event, people: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: p.organisation.name
        workshops = event.sessions.filter(is_workshop=True)
        self.fields["workshops"].queryset = workshops
        if not workshops.exists():
            del self.fields["workshops"]

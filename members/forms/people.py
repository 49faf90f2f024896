"""Forms about an organisation's people: contact persons, roles, invitations of colleagues."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.models import ColleagueInvitation, Person
from members.services.people import CONTACT_FIELDS

ROLE_CHOICES = [
    (Person.Role.ADMIN, _("Organisation admin: edits the profile, contacts and colleagues")),
    (Person.Role.STAFF, _("Staff: registers for events, acts for the organisation")),
]


class ContactForm(forms.ModelForm):
    """A person's details and what of them the public profile shows."""

    class Meta:
        model = Person
        fields = list(CONTACT_FIELDS)
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }
        help_texts = {
            "is_public_contact": _("Name and function appear on the organisation's page."),
            "show_email": _("Only for persons shown as contact."),
            "show_phone": _("Only for persons shown as contact."),
        }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("show_email") and not data.get("email"):
            self.add_error("email", _("Enter the e-mail address to make it public."))
        if data.get("show_phone") and not data.get("phone"):
            self.add_error("phone", _("Enter the phone number to make it public."))
        return data

    def contact(self) -> dict:
        return {field: self.cleaned_data[field] for field in CONTACT_FIELDS}


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)


class InvitationForm(forms.ModelForm):
    class Meta:
        model = ColleagueInvitation
        fields = ["email", "first_name", "last_name", "role"]
        labels = {"email": _("E-mail address of your colleague")}
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "role": forms.RadioSelect(choices=ROLE_CHOICES),
        }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = ROLE_CHOICES

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if not email:
            raise ValidationError(_("Please enter an e-mail address."))
        return email

    def invitation(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}

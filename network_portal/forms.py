"""Forms of the portal shell."""

from django import forms

from network_portal.models import MailPreference
from network_portal.preferences import MailCategory


class MailPreferencesForm(forms.Form):
    """One checkbox per kind of optional mail."""

    def __init__(self, *args, preference: MailPreference, **kwargs) -> None:
        kwargs.setdefault(
            "initial", {category: preference.wants(category) for category in MailCategory.values}
        )
        super().__init__(*args, **kwargs)
        for category in MailCategory:
            self.fields[category.value] = forms.BooleanField(label=category.label, required=False)

    def choices(self) -> dict[str, bool]:
        return {category: self.cleaned_data[category] for category in MailCategory.values}

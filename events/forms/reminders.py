"""The manager's form for a new reminder: how long before the start, in days or hours."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

DAYS, HOURS = "days", "hours"


class ReminderRuleForm(forms.Form):
    amount = forms.IntegerField(
        label=_("How long before the start"),
        min_value=1,
        max_value=1440,
        help_text=_("Between 1 hour and 60 days before the start."),
    )
    unit = forms.ChoiceField(
        label=_("Unit"), choices=[(DAYS, _("days")), (HOURS, _("hours"))], initial=DAYS
    )

    def offset(self) -> timedelta:
        amount = self.cleaned_data["amount"]
        if self.cleaned_data["unit"] == HOURS:
            return timedelta(hours=amount)
        return timedelta(days=amount)

"""The event list's filter form (GET). Invalid values are reported and then ignored."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventSeries
from members.models import Network, Region

# German first; ISO for links and browsers that send it.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text=_("DD.MM.YYYY"),
        widget=forms.DateInput(format="%d.%m.%Y", attrs={"inputmode": "numeric"}),
    )


class EventFilterForm(forms.Form):
    """The list's GET parameters; ``period`` chooses upcoming events or the archive."""

    UPCOMING = "upcoming"
    PAST = "past"

    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        required=False,
        help_text=_("Words in the topics, title or description"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.order_by("name"),
        required=False,
        empty_label=_("All networks"),
    )
    series = forms.ModelChoiceField(
        label=_("Series"),
        queryset=EventSeries.objects.order_by("name"),
        required=False,
        empty_label=_("All series"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("All formats")),
            *[(v, capfirst(label)) for v, label in Event.Format.choices],
        ],
        required=False,
    )
    date_from = _date_field(_("From"))
    date_to = _date_field(_("Until"))
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[(UPCOMING, _("Upcoming events")), (PAST, _("Past events"))],
        required=False,
        widget=forms.HiddenInput,
    )

    FILTERS = ("network", "series", "region", "format", "date_from", "date_to")

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the date range lies before its start."))
        return cleaned

    @property
    def is_archive(self) -> bool:
        self.is_valid()
        return self.cleaned_data.get("period") == self.PAST

    def list_arguments(self) -> dict:
        """Keyword arguments for ``selectors.events_for_list``, from the valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        arguments = {name: data[name] for name in (*self.FILTERS, "topic") if data.get(name)}
        return {**arguments, "past": self.is_archive}

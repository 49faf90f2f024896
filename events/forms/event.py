"""The manager's event form, the copy's new date, and the cancellation's message.

Times are entered as a date and a time in Berlin, whatever the browser's zone.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from members.models import Network, Organisation, Person, Region, Sector

BERLIN = ZoneInfo("Europe/Berlin")
DATE_INPUT = {"type": "date"}
TIME_INPUT = {"type": "time"}


class BerlinDateTimeWidget(forms.SplitDateTimeWidget):
    """A date and a time input (the browser's pickers); shows the value in Berlin time."""

    def __init__(self, attrs=None) -> None:
        super().__init__(
            attrs=attrs,
            date_format="%Y-%m-%d",
            time_format="%H:%M",
            date_attrs=DATE_INPUT,
            time_attrs=TIME_INPUT,
        )

    def decompress(self, value):
        if value and timezone.is_aware(value):
            value = timezone.localtime(value, BERLIN)
        return super().decompress(value)


class BerlinDateTimeField(forms.SplitDateTimeField):
    """A date (also typed as 18.06.2026) and a time (17:30), read as Berlin time."""

    widget = BerlinDateTimeWidget

    def __init__(self, **kwargs) -> None:
        kwargs.pop("max_length", None)
        super().__init__(
            error_messages={
                "invalid_date": _("Enter a valid date, e.g. 06/18/2026."),
                "invalid_time": _("Enter a valid time, e.g. 17:30."),
            },
            **kwargs,
        )

    def compress(self, data_list):
        with timezone.override(BERLIN):
            return super().compress(data_list)


EVENT_FIELDS = [
    "title",
    "series",
    "description",
    "topics",
    "organising_networks",
    "audience_networks",
    "open_to_all",
    "host_organisation",
    "contact_person",
    "format",
    "starts_at",
    "ends_at",
    "venue",
    "address",
    "region",
    "online_url",
    "capacity",
    "seats_per_organisation",
    "registration_opens_at",
    "registration_closes_at",
    "cancellation_deadline",
    "target_regions",
    "target_sectors",
]
DATETIME_FIELDS = (
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "cancellation_deadline",
)
RELATION_FIELDS = ("organising_networks", "audience_networks", "target_regions", "target_sectors")


class EventForm(forms.ModelForm):
    """Everything about the event but its status; ``organisers`` limits the organisers.

    On an event co-organised with a network the user does not manage, that network stays
    an organiser (``kept_networks``); it is not offered.
    """

    new_series = forms.CharField(
        label=_("Or start a new series"),
        required=False,
        max_length=200,
        help_text=_("The name of the new series, e.g. “Wirtschaft trifft Wirtschaft”."),
    )
    keep_confirmed = forms.BooleanField(
        label=_("Keep those already confirmed; nobody new is confirmed until enough cancel."),
        required=False,
        help_text=_("Needed only to set the capacity below the number of confirmed places."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("Needed for online and hybrid events. Shown only to confirmed attendees."),
    )

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        field_classes = dict.fromkeys(DATETIME_FIELDS, BerlinDateTimeField)
        widgets = {
            "organising_networks": forms.CheckboxSelectMultiple,
            "audience_networks": forms.CheckboxSelectMultiple,
            "target_regions": forms.CheckboxSelectMultiple,
            "target_sectors": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
            "capacity": forms.NumberInput(attrs={"min": 0}),
            "seats_per_organisation": forms.NumberInput(attrs={"min": 1}),
        }

    def __init__(self, *args, organisers: QuerySet[Network], people: QuerySet[Person], **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["organising_networks"].queryset = organisers
        self.fields["organising_networks"].help_text = _("Only networks you manage.")
        self.fields["audience_networks"].queryset = Network.objects.order_by("name")
        self.fields["host_organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["region"].queryset = Region.objects.order_by("name")
        self.fields["target_regions"].queryset = Region.objects.order_by("name")
        self.fields["target_sectors"].queryset = Sector.objects.order_by("name")
        self.fields["series"].empty_label = _("— no series —")
        self.fields["host_organisation"].empty_label = _("— none —")
        self.fields["region"].empty_label = _("— none —")
        self.fields["contact_person"].empty_label = _("— none —")
        contact = self.fields["contact_person"]
        contact.queryset = people
        contact.label_from_instance = person_label
        self.kept_networks = self._kept_networks(organisers)
        if self.kept_networks:
            self.fields["organising_networks"].required = False

    def _kept_networks(self, organisers: QuerySet[Network]) -> list[Network]:
        if not self.instance.pk:
            return []
        offered = set(organisers.values_list("pk", flat=True))
        return [n for n in self.instance.organising_networks.all() if n.pk not in offered]

    def clean_organising_networks(self):
        chosen = list(self.cleaned_data["organising_networks"])
        return chosen + self.kept_networks

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("series") and cleaned.get("new_series"):
            self.add_error("new_series", _("Choose a series or name a new one, not both."))
        return cleaned

    def changes(self) -> dict:
        """The event's plain fields as entered (for ``event_create``/``event_update``)."""
        return {
            name: self.cleaned_data[name] for name in EVENT_FIELDS if name not in RELATION_FIELDS
        }

    def relations(self) -> dict:
        return {name: self.cleaned_data[name] for name in RELATION_FIELDS}


def person_label(person: Person) -> str:
    return f"{person.full_name} ({person.organisation.name})"


class CopyDateForm(forms.Form):
    """The copy's new start; the rest of the event moves by the same offset."""

    starts_on = forms.DateField(
        label=_("New date"),
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        help_text=_("The day the copy starts. Its agenda and deadlines move with it."),
    )
    starts_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M"),
        help_text=_("Empty: the same time as the original."),
    )

    def new_start(self, original: dt.datetime) -> dt.datetime:
        local = timezone.localtime(original, BERLIN)
        clock = self.cleaned_data["starts_time"] or local.time()
        return dt.datetime.combine(self.cleaned_data["starts_on"], clock, tzinfo=BERLIN)


class CancelForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the attendees"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional. It is added to the e-mail, e.g. the reason or a new date."),
    )

"""Forms of the manager area of one event: filters, searches, walk-ins."""

from collections.abc import Sequence

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration, Session
from members.models import Organisation, Person
from network_portal.models import OutgoingMail
from network_portal.widgets import LongSelect

SEARCH_WIDGET = forms.TextInput(attrs={"type": "search", "autocomplete": "off"})
YES, NO = "yes", "no"


def _search_field(help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=_("Search"), max_length=200, required=False, help_text=help_text, widget=SEARCH_WIDGET
    )


class _IdsAndNames(ModelChoiceIterator):
    """The options as ``(id, name)`` rows: no model instance for each of the hundreds of
    organisations registered for a large event."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "name")


class _OrganisationField(forms.ModelChoiceField):
    iterator = _IdsAndNames


class RegistrationFilterForm(forms.Form):
    """The GET filters of the registrations table. Invalid values are ignored."""

    q = _search_field(_("Name, organisation or e-mail address"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *Registration.Status.choices],
        required=False,
    )
    organisation = _OrganisationField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("All organisations"),
        widget=LongSelect,
    )
    # The event's workshops come from the counts (no query of their own): choices, not a queryset.
    workshop = forms.TypedChoiceField(
        label=_("Workshop"), coerce=int, required=False, empty_value=None
    )
    checked_in = forms.ChoiceField(
        label=_("Check-in"),
        choices=[("", _("All")), (YES, _("checked in")), (NO, _("not checked in"))],
        required=False,
    )

    FILTERS = ("status", "organisation", "workshop", "checked_in")

    def __init__(self, *args, event: Event, workshops: Sequence[Session], **kwargs) -> None:
        """``workshops``: the event's workshop sessions, in their order."""
        super().__init__(*args, **kwargs)
        registered = event.registrations.values("organisation_id")
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(pk__in=registered).only("id", "name").order_by("name")
        )
        self.fields["workshop"].choices = [
            ("", _("All workshops")),
            *((workshop.pk, str(workshop)) for workshop in workshops),
        ]

    def selector_arguments(self) -> dict:
        """Keyword arguments for ``registrations_for_manager``, from the valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        checked_in = data.get("checked_in")
        return {
            "query": data.get("q", ""),
            "status": data.get("status", ""),
            "organisation_id": data["organisation"].pk if data.get("organisation") else None,
            "workshop_id": data.get("workshop"),
            "checked_in": {YES: True, NO: False}.get(checked_in),
        }


class CheckinSearchForm(forms.Form):
    q = _search_field()

    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""


class WalkInSearchForm(CheckinSearchForm):
    q = _search_field(_("Name, organisation or e-mail address of a person in the portal"))


OVER_CAPACITY_LABEL = _("Confirm even beyond the capacity (the person is already here)")
OVER_CAPACITY_HELP = _(
    "Only matters when the event is full. Without it, the person goes on the waiting list."
)


def _over_capacity_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=OVER_CAPACITY_LABEL, help_text=OVER_CAPACITY_HELP, required=False
    )


class WalkInExistingForm(forms.Form):
    """A walk-in who is already in the portal, found by the search."""

    person = forms.ModelChoiceField(
        queryset=Person.objects.filter(is_active=True), widget=forms.HiddenInput
    )
    over_capacity = _over_capacity_field()


class WalkInNewForm(forms.Form):
    """A walk-in who is new to the portal, as a contact of an existing organisation."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = _OrganisationField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        empty_label=_("Please choose"),
        widget=LongSelect,
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    over_capacity = _over_capacity_field()


class MailFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *OutgoingMail.Status.choices],
        required=False,
    )

    def selected_status(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""

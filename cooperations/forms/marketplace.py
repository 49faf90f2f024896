"""The marketplace's filter form (GET parameters)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperations.marketplace import Sort
from cooperations.models import Listing, Topic
from members.models import Network, Organisation, Region, Sector


class _ChoiceBySlug(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return getattr(obj, "label", None) or obj.name


def _choice_by_slug(model, *, label, empty_label) -> forms.ModelChoiceField:
    """An optional filter choosing one row of ``model`` by its slug, sorted by name."""
    return _ChoiceBySlug(
        label=label,
        queryset=model.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=empty_label,
    )


class MarketplaceFilterForm(forms.Form):
    """The marketplace's GET parameters. Invalid values are reported and then ignored."""

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Title, summary or description"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Offers or requests"),
        choices=[("", _("Offers and requests")), *Listing.Kind.choices],
        required=False,
    )
    topic = _choice_by_slug(Topic, label=_("Topic"), empty_label=_("All topics"))
    sector = _choice_by_slug(Sector, label=_("Sector"), empty_label=_("All sectors"))
    region = _choice_by_slug(Region, label=_("Region"), empty_label=_("All regions"))
    network = _choice_by_slug(Network, label=_("Network"), empty_label=_("All networks"))
    organisation_kind = forms.ChoiceField(
        label=_("Posted by"),
        choices=[("", _("All kinds of organisation")), *Organisation.Kind.choices],
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[(Sort.RELEVANCE, _("relevance")), (Sort.NEWEST, _("newest first"))],
        required=False,
    )

    FILTERS = ("kind", "topic", "sector", "region", "network", "organisation_kind")

    def search_arguments(self) -> dict:
        """Keyword arguments for ``marketplace_search``, from the valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q", ""),
            "filters": {name: data[name] for name in self.FILTERS if data.get(name)},
            "sort": data.get("sort", ""),
        }

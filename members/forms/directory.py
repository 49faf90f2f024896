"""The directory's filter form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.directory import Sort
from members.models import Network, Organisation, Region, Sector, TrainingOccupation


def _choice_by_slug(model, *, label, empty_label) -> forms.ModelChoiceField:
    """An optional filter choosing one row of ``model`` by its slug, sorted by name."""
    return forms.ModelChoiceField(
        label=label,
        queryset=model.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=empty_label,
    )


class DirectoryFilterForm(forms.Form):
    """The directory's GET parameters. Invalid values are reported and then ignored."""

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Name, description, products or competences"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    network = _choice_by_slug(Network, label=_("Network"), empty_label=_("All networks"))
    region = _choice_by_slug(Region, label=_("Region"), empty_label=_("All regions"))
    sector = _choice_by_slug(Sector, label=_("Sector"), empty_label=_("All sectors"))
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
        required=False,
    )
    size = forms.ChoiceField(
        label=_("Size"),
        choices=[("", _("All sizes")), *Organisation.Size.choices],
        required=False,
    )
    occupation = _choice_by_slug(
        TrainingOccupation, label=_("Trains in"), empty_label=_("All training occupations")
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            (Sort.RELEVANCE, _("relevance")),
            (Sort.NAME, _("name")),
            (Sort.NEWEST, _("newest first")),
        ],
        required=False,
    )

    FILTERS = ("network", "region", "sector", "kind", "size", "occupation")

    def search_arguments(self) -> dict:
        """Keyword arguments for ``directory_search``, from the valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q", ""),
            "filters": {name: data[name] for name in self.FILTERS if data.get(name)},
            "sort": data.get("sort", ""),
        }

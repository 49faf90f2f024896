"""The admin pages of the events app load for a platform admin, with inlines and search."""

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from tests import factories

pytestmark = pytest.mark.django_db

MODELS = ["eventseries", "event", "session", "eventperson", "registration"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_loads_with_search(client, world, event, model):
    factories.RegistrationFactory(event=event)
    client.force_login(world.platform_admin)
    response = client.get(reverse(f"admin:events_{model}_changelist"), {"q": "Wirtschaft"})
    assert response.status_code == 200


def test_admin_event_change_page_shows_sessions_and_people(client, world, event):
    factories.WorkshopFactory(event=event, title="Lean im Mittelstand")
    factories.EventPersonFactory(event=event, name="Dr. Erika Musterfrau")
    client.force_login(world.platform_admin)
    response = client.get(reverse("admin:events_event_change", args=[event.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Lean im Mittelstand" in content
    assert "Dr. Erika Musterfrau" in content


def test_admin_cannot_add_registrations_past_the_rules(client, world):
    client.force_login(world.platform_admin)
    response = client.get(reverse("admin:events_registration_add"))
    assert response.status_code == 403
    assert not Registration.objects.exists()


def _change_form_data(response) -> dict:
    """The admin change form as the browser would post it back, inlines included."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for subform in formset.initial_forms:
            for name in subform.fields:
                value = subform[name].value()
                if value is not None:
                    data[subform.add_prefix(name)] = value
    return _split_datetimes(data)


def _split_datetimes(data: dict) -> dict:
    for name in [n for n, v in data.items() if hasattr(v, "tzinfo")]:
        value = timezone.localtime(data.pop(name))
        data[f"{name}_0"] = value.strftime("%d.%m.%Y")
        data[f"{name}_1"] = value.strftime("%H:%M:%S")
    return data


@pytest.mark.parametrize(("field", "raises"), [("title", True), ("description", False)])
def test_admin_edit_raises_sequence_only_for_calendar_fields(client, world, event, field, raises):
    client.force_login(world.platform_admin)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = _change_form_data(client.get(url))
    data[field] = "Geändert im Admin"

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert (getattr(event, field), event.sequence) == ("Geändert im Admin", 1 if raises else 0)


@pytest.mark.parametrize(
    "case",
    [
        ("event", "series", "Wirtschaft", "Wirtschaft trifft Wirtschaft"),
        ("event", "host_organisation", "Hesterberg", "Hesterberg Testwerk GmbH"),
        ("event", "organising_networks", "RegionRuhr", "In|Die RegionRuhr"),
        ("registration", "organisation", "Test-IHK", "Test-IHK"),
    ],
)
def test_admin_autocomplete_answers_for_event_relations(client, world, event, case):
    model, field, term, expected = case
    event.series = factories.EventSeriesFactory()
    event.save()
    client.force_login(world.platform_admin)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "events", "model_name": model, "field_name": field, "term": term},
    )

    assert response.status_code == 200
    assert expected in [result["text"] for result in response.json()["results"]]


def test_admin_registration_list_filters_by_status_and_source(client, world, event):
    registration = factories.RegistrationFactory(event=event)
    client.force_login(world.platform_admin)

    response = client.get(
        reverse("admin:events_registration_changelist"),
        {"status__exact": registration.status, "source__exact": registration.source},
    )

    assert list(response.context["cl"].result_list) == [registration]

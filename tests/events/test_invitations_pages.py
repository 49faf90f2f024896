"""The manager's invitation pages: who may use them, the flow, the status page, the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from events.models import Event, Invitation, InvitationBatch
from network_portal.models import OutgoingMail
from tests import factories
from tests.events.invitation_fixtures import audience_fixture, prepare, record_all  # noqa: F401
from tests.events.manage_helpers import as_user

pytestmark = pytest.mark.django_db
Status = InvitationBatch.Status


def user_in_role(world, role):
    return None if role == "anonymous" else getattr(world, role)


def urls(event, batch) -> list[str]:
    return [
        reverse("events:manage_invite", args=[event.pk]),
        reverse("events:manage_invite_batch", args=[event.pk, batch.pk]),
        reverse("events:manage_invitations", args=[event.pk]),
    ]


def actions(event, batch) -> list[str]:
    return [
        reverse("events:manage_invite_send", args=[event.pk, batch.pk]),
        reverse("events:manage_invite_discard", args=[event.pk, batch.pk]),
    ]


# --- Permissions --------------------------------------------------------------------------


def test_pages_send_anonymous_visitors_to_sign_in(client, audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    for url in urls(audience.event, batch) + actions(audience.event, batch):
        response = as_user(client).post(url) if "senden" in url else as_user(client).get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize("role", ["outsider", "owner", "colleague", "partner", "other_manager"])
def test_pages_and_actions_are_forbidden_to_everybody_but_managers(client, audience, world, role):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    as_user(client, user_in_role(world, role))
    for url in urls(audience.event, batch):
        assert client.get(url).status_code == 403, url
    for url in actions(audience.event, batch):
        assert client.post(url).status_code == 403, url
    batch.refresh_from_db()
    assert batch.status == Status.DRAFT
    assert not Invitation.objects.exists()


def test_pages_of_a_draft_event_do_not_reveal_it(client, audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    Event.objects.filter(pk=audience.event.pk).update(status=Event.Status.DRAFT)
    as_user(client, world.other_manager)
    for url in urls(audience.event, batch):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_pages_open_to_the_manager_and_platform_admin(client, audience, world, role):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    as_user(client, user_in_role(world, role))
    for url in urls(audience.event, batch):
        assert client.get(url).status_code == 200, url


def test_batch_of_another_event_is_not_found(client, audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    other = factories.EventFactory(organising_networks=[audience.ruhr])
    as_user(client, world.manager)

    assert (
        client.get(reverse("events:manage_invite_batch", args=[other.pk, batch.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("events:manage_invite_send", args=[other.pk, batch.pk])).status_code
        == 404
    )


# --- The flow -----------------------------------------------------------------------------


def test_invite_choose_check_and_send(client, audience, world, django_capture_on_commit_callbacks):
    as_user(client, world.manager)
    invite_url = reverse("events:manage_invite", args=[audience.event.pk])
    page = client.get(invite_url)
    assert page.status_code == 200
    assert "Netzwerk Ruhr" in page.text
    assert "VerpackungsCluster" in page.text

    response = client.post(
        invite_url, {"source": "networks", "networks": [audience.ruhr.pk], "people": "all"}
    )

    batch = InvitationBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "events:manage_invite_batch", args=[audience.event.pk, batch.pk]
    )
    assert (batch.status, batch.total, batch.created_by) == (Status.DRAFT, 5, world.manager)
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    assert "Send 5 invitations" in preview.text
    assert "alma@example.org" in preview.text
    assert "Alpha Metall GmbH" in preview.text
    assert not Invitation.objects.exists()

    with django_capture_on_commit_callbacks() as callbacks:
        sent = client.post(reverse("events:manage_invite_send", args=[audience.event.pk, batch.pk]))

    batch.refresh_from_db()
    assert sent.status_code == 302
    assert batch.status == Status.RECORDING
    assert len(callbacks) == 1  # the recording task, queued after commit
    status = client.get(sent["Location"])
    assert "5 invitations are on their way." in status.text
    assert 'hx-trigger="every 2s"' in status.text
    assert 'max="5"' in status.text


def test_status_page_for_htmx_is_only_the_progress(client, audience, world):
    batch = record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)
    as_user(client, world.manager)
    url = reverse("events:manage_invite_batch", args=[audience.event.pk, batch.pk])

    partial = client.get(url, headers={"HX-Request": "true"})
    full = client.get(url)

    assert partial.text.lstrip().startswith('<section id="invite-progress"')
    assert "<html" not in partial.text
    assert "5 of 5 invitations recorded" in partial.text
    assert "hx-get" not in partial.text  # done, nothing waiting: no more polling
    assert "<html" in full.text
    assert "HX-Request" in partial["Vary"]
    assert "HX-Request" in full["Vary"]


def test_sending_twice_invites_once(client, audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    record_all(batch, world.manager)
    as_user(client, world.manager)

    response = client.post(
        reverse("events:manage_invite_send", args=[audience.event.pk, batch.pk]), follow=True
    )

    assert "These invitations have been sent off already." in response.text
    assert Invitation.objects.count() == 5
    assert OutgoingMail.objects.filter(kind="event-invitation").count() == 5


def test_discard_a_draft(client, audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])
    as_user(client, world.manager)

    response = client.post(
        reverse("events:manage_invite_discard", args=[audience.event.pk, batch.pk]), follow=True
    )
    again = client.post(reverse("events:manage_invite_send", args=[audience.event.pk, batch.pk]))

    batch.refresh_from_db()
    assert "The draft was discarded; nobody was invited." in response.text
    assert batch.status == Status.DISCARDED
    assert again.status_code == 302
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"source": "networks", "people": "all"},
            "networks",
            "Please choose at least one network.",
        ),
        (
            {"source": "organisations", "people": "all"},
            "organisations",
            "Please choose at least one organisation.",
        ),
        (
            {"source": "addresses", "people": "all"},
            "address_file",
            "Please choose a CSV file with the addresses.",
        ),
        ({"source": "everybody", "people": "all"}, "source", "Select a valid choice."),
    ],
)
def test_invite_form_bad_input(client, audience, world, data, field, message):  # noqa: PLR0917
    as_user(client, world.manager)

    response = client.post(reverse("events:manage_invite", args=[audience.event.pk]), data)

    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert not InvitationBatch.objects.exists()


def test_invite_form_refuses_networks_and_organisations_out_of_reach(client, audience, world):
    stranger = factories.NetworkFactory(name="Fremdes Netzwerk")
    outsider = factories.MembershipFactory(network=stranger).organisation
    as_user(client, world.manager)
    url = reverse("events:manage_invite", args=[audience.event.pk])

    by_network = client.post(
        url, {"source": "networks", "networks": [stranger.pk], "people": "all"}
    )
    by_organisation = client.post(
        url, {"source": "organisations", "organisations": [outsider.pk], "people": "all"}
    )

    assert by_network.status_code == by_organisation.status_code == 400
    assert "Fremdes Netzwerk" not in by_network.text
    assert not InvitationBatch.objects.exists()


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.CANCELLED])
def test_no_invitations_for_unpublished_events(client, audience, world, status):
    Event.objects.filter(pk=audience.event.pk).update(status=status)
    as_user(client, world.manager)
    url = reverse("events:manage_invite", args=[audience.event.pk])

    page = client.get(url)
    posted = client.post(
        url, {"source": "networks", "networks": [audience.ruhr.pk], "people": "all"}
    )

    assert "Invitations can be sent once the event is published." in page.text
    assert posted.status_code == 400
    assert not InvitationBatch.objects.exists()


# --- The list of invitations --------------------------------------------------------------


def _list(client, event, **params):
    return client.get(reverse("events:manage_invitations", args=[event.pk]), params)


def test_invitations_list_shows_who_registered(client, audience, world):
    record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)
    registration = factories.RegistrationFactory(
        event=audience.event, person=audience.people["anton"], source="invitation"
    )
    Invitation.objects.filter(email="anton@example.org").update(registration=registration)
    as_user(client, world.manager)

    everybody = _list(client, audience.event)
    registered = _list(client, audience.event, state="registered")
    waiting = _list(client, audience.event, state="not_registered")

    assert everybody.status_code == 200
    assert everybody.context["counts"].invited == 5
    assert everybody.context["counts"].registered == 1
    assert everybody.context["counts"].kept == 5
    assert [i.email for i in registered.context["invitations"]] == ["anton@example.org"]
    assert "anton@example.org" not in [i.email for i in waiting.context["invitations"]]
    assert len(waiting.context["invitations"]) == 4
    assert "Confirmed" in registered.text


def test_invitations_list_filters_by_batch_and_search(client, audience, world):
    first = record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)
    networks = [audience.ruhr.pk, audience.partner.pk]
    second = record_all(prepare(audience, world.manager, networks=networks), world.manager)
    as_user(client, world.manager)

    by_batch = _list(client, audience.event, batch=second.pk)
    by_search = _list(client, audience.event, q="beta verpackung")

    assert [i.email for i in by_batch.context["invitations"]] == ["gero@example.org"]
    assert sorted(i.email for i in by_search.context["invitations"]) == [
        "berta@example.org",
        "bruno@example.org",
    ]
    assert first.pk != second.pk


def test_invitations_list_queries_do_not_grow_with_rows(client, audience, world):
    as_user(client, world.manager)
    batch = prepare(
        audience, world.manager, source="organisations", organisations=[audience.gamma.pk]
    )
    record_all(batch, world.manager)
    with CaptureQueriesContext(connection) as one:
        assert _list(client, audience.event).status_code == 200
    record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)
    with CaptureQueriesContext(connection) as many:
        assert len(_list(client, audience.event).context["invitations"]) == 6

    assert len(many) == len(one)


# --- Languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title"),
    [("de", "Zu dieser Veranstaltung einladen"), ("en", "Invite to this event")],
)
def test_invite_page_in_both_languages(client, audience, world, language, title):
    as_user(client, world.manager, language=language)

    response = client.get(reverse("events:manage_invite", args=[audience.event.pk]))

    with translation.override(language):
        weekday = formats.date_format(timezone.localtime(audience.event.starts_at), "l")
    assert f'<html lang="{language}">' in response.text
    assert f"<h1>{title}</h1>" in response.text
    assert weekday in response.text

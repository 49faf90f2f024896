"""The manager page of one event through HTTP: who may enter, what it shows, its actions."""

from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event, Registration, WorkshopChoice
from members.models import Person
from network_portal.models import AuditEntry, OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.events.conftest import person_of
from tests.events.manage_helpers import as_user

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
DENIED = ("outsider", "attendee", "org_admin", "other_manager")
ALLOWED = ("manager", "platform_admin")


@dataclass
class Scene:
    event: Event
    attendee: Registration  # world.colleague, confirmed
    other: Registration  # confirmed
    waiting: Registration  # first on the waiting list


@pytest.fixture
def scene(event, world) -> Scene:
    """The conftest ``event`` (capacity 2) full, with one person waiting."""
    attendee = factories.RegistrationFactory(event=event, person=person_of(world.colleague))
    other = factories.RegistrationFactory(event=event)
    waiting = factories.RegistrationFactory(event=event, status=WAITLISTED)
    return Scene(event=event, attendee=attendee, other=other, waiting=waiting)


def user_in_role(world, role: str):
    users = {"attendee": world.colleague, "org_admin": world.owner, "anonymous": None}
    return users[role] if role in users else getattr(world, role)


def page_urls(event: Event) -> list[str]:
    names = ["manage_event", "manage_counts", "manage_checkin", "manage_walk_in"]
    names += ["manage_print", "manage_mails"]
    urls = [reverse(f"events:{name}", kwargs={"pk": event.pk}) for name in names]
    return urls + [
        reverse("events:manage_export", kwargs={"pk": event.pk, "fmt": fmt})
        for fmt in ("csv", "xlsx")
    ]


def snapshot() -> tuple:
    """Everything an action could change."""
    rows = Registration.objects.order_by("id").values_list(
        "status", "waitlist_priority", "checked_in_at"
    )
    return list(rows), Person.objects.count(), AuditEntry.objects.count()


def actions(scene: Scene) -> list[tuple[str, dict]]:
    def on(name: str, registration: Registration) -> str:
        return reverse(f"events:{name}", kwargs={"pk": registration.pk})

    return [
        (on("manage_move_up", scene.waiting), {}),
        (on("manage_cancel_registration", scene.other), {}),
        (on("manage_checkin_toggle", scene.attendee), {"checked_in": "1"}),
        (
            reverse("events:manage_walk_in", kwargs={"pk": scene.event.pk}),
            {"mode": "new", "new-first_name": "Ida", "new-last_name": "Neu",
             "new-organisation": str(scene.waiting.organisation_id)},
        ),
    ]  # fmt: skip


# --- Who may enter -------------------------------------------------------------------------


def test_pages_send_anonymous_visitors_to_sign_in(client, scene):
    for url in page_urls(scene.event):
        response = as_user(client).get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", DENIED)
def test_pages_are_forbidden_to_everybody_but_managers(client, world, scene, role):
    as_user(client, user_in_role(world, role))
    for url in page_urls(scene.event):
        assert client.get(url).status_code == 403, url
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize("role", DENIED)
def test_pages_of_a_draft_do_not_reveal_it_exists(client, world, scene, role):
    Event.objects.filter(pk=scene.event.pk).update(status=Event.Status.DRAFT)
    as_user(client, user_in_role(world, role))
    for url in page_urls(scene.event):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ALLOWED)
def test_pages_open_to_the_manager_and_platform_admin(client, world, scene, role):
    Event.objects.filter(pk=scene.event.pk).update(status=Event.Status.DRAFT)
    as_user(client, user_in_role(world, role))
    for url in page_urls(scene.event):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["anonymous", *DENIED])
def test_actions_change_nothing_for_anybody_but_managers(client, world, scene, role):
    before = snapshot()
    as_user(client, user_in_role(world, role))
    expected = 302 if role == "anonymous" else 403
    for url, data in actions(scene):
        assert client.post(url, data).status_code == expected, url
    assert snapshot() == before


@pytest.mark.parametrize("role", DENIED)
def test_actions_on_a_draft_do_not_reveal_it_exists(client, world, scene, role):
    Event.objects.filter(pk=scene.event.pk).update(status=Event.Status.DRAFT)
    before = snapshot()
    as_user(client, user_in_role(world, role))
    for url, data in actions(scene):
        assert client.post(url, data).status_code == 404, url
    assert snapshot() == before


@pytest.mark.parametrize("role", ALLOWED)
def test_actions_work_for_the_manager_and_platform_admin(client, world, scene, role):
    as_user(client, user_in_role(world, role))
    for url, data in actions(scene):
        assert client.post(url, data).status_code == 302, url
    scene.attendee.refresh_from_db()
    assert scene.attendee.checked_in_at is not None
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses[scene.other.pk] == Registration.Status.CANCELLED
    assert statuses[scene.waiting.pk] == CONFIRMED  # moved up first, then got the seat
    assert Registration.objects.get(person__last_name="Neu").status == WAITLISTED


def test_actions_need_post(client, world, scene):
    as_user(client, world.manager)
    for url, _data in actions(scene)[:3]:
        assert client.get(url).status_code == 405, url


def test_action_on_an_unknown_registration_is_not_found(client, world):
    as_user(client, world.manager)
    url = reverse("events:manage_move_up", kwargs={"pk": 999999})
    assert client.post(url).status_code == 404


# --- The manager page ----------------------------------------------------------------------


def test_manage_page_shows_counts_table_and_positions(client, world, scene):
    workshop = factories.WorkshopFactory(event=scene.event, title="Lean im Büro", capacity=3)
    factories.WorkshopChoiceFactory(registration=scene.attendee, session=workshop)
    later = factories.RegistrationFactory(event=scene.event, status=WAITLISTED)
    factories.RegistrationFactory(event=scene.event, status=Registration.Status.CANCELLED)
    Registration.objects.filter(pk=later.pk).update(waitlist_priority=1, access_needs="Rampe")
    response = as_user(client, world.manager).get(
        reverse("events:manage_event", kwargs={"pk": scene.event.pk})
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>2</strong> / 2" in content
    assert "Fully booked" in content
    assert "<strong>0</strong> of 2" in content  # checked in
    assert "Lean im Büro" in content
    assert "1 / 3" in content  # the workshop's seats
    assert "5 registrations" in content
    assert content.count("Position 1</strong>") == 1
    assert content.index(later.person.full_name) < content.index("Position 1</strong>")
    assert content.index("Position 2</strong>") > content.index(scene.waiting.person.full_name)
    assert "Rampe" in content
    assert 'hx-trigger="every 10s"' in content
    assert content.index(later.person.full_name) < content.index(scene.waiting.person.full_name)
    assert content.count('/nachruecken/"') == 2  # one "Move up" per waiting person
    assert content.count('/stornieren/"') == 4  # one "Cancel" per open registration


def test_manage_page_filters(client, world, scene):
    workshop = factories.WorkshopFactory(event=scene.event)
    factories.WorkshopChoiceFactory(registration=scene.other, session=workshop)
    Registration.objects.filter(pk=scene.attendee.pk).update(checked_in_at="2099-01-01T10:00Z")
    url = reverse("events:manage_event", kwargs={"pk": scene.event.pk})
    as_user(client, world.manager)

    def names(params: dict) -> set[str]:
        content = client.get(url, params).content.decode()
        found = {r.person.full_name for r in (scene.attendee, scene.other, scene.waiting)}
        return {name for name in found if name in content}

    attendee, other, waiting = (
        r.person.full_name for r in (scene.attendee, scene.other, scene.waiting)
    )
    assert names({"status": "waitlisted"}) == {waiting}
    assert names({"organisation": world.company.pk}) == {attendee}
    assert names({"workshop": workshop.pk}) == {other}
    assert names({"checked_in": "yes"}) == {attendee}
    assert names({"checked_in": "no"}) == {other, waiting}
    assert names({"q": scene.other.person.last_name}) == {other}
    assert names({"q": scene.waiting.person.email}) == {waiting}
    assert names({"q": "Hesterberg Testwerk"}) == {attendee}
    assert names({"status": "nonsense", "organisation": "x"}) == {attendee, other, waiting}


def test_manage_page_rows_in_german_with_what_people_typed_escaped(client, world, scene):
    organisation = factories.OrganisationFactory(name="Müller & Söhne <GmbH>")
    person = factories.PersonFactory(
        organisation=organisation, user=None, first_name="Zoë", last_name="O'Neil <b>",
        email="zoe@example.org",
    )  # fmt: skip
    factories.RegistrationFactory(
        event=scene.event, person=person, status=WAITLISTED, waitlist_priority=1,
        source=Registration.Source.WALK_IN, access_needs="Rampe\n<script>alert(1)</script>",
    )  # fmt: skip
    url = reverse("events:manage_event", kwargs={"pk": scene.event.pk})
    content = as_user(client, world.manager, "de").get(url).content.decode()
    name = "Zoë O&#x27;Neil &lt;b&gt;"
    assert (
        f'<th scope="row">{name}<br><a class="person-email" href="mailto:zoe@example.org">'
        'zoe@example.org</a><br><span class="badge badge-info">nachgemeldet</span></th>'
    ) in content
    assert "<td>Müller &amp; Söhne &lt;GmbH&gt;</td>" in content
    assert 'Warteliste<br><strong class="waitlist-place">Platz 1</strong>' in content
    assert "<td>Rampe<br>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in content
    assert f'Nachrücken lassen<span class="visually-hidden"> {name}</span>' in content
    assert f"<p>Die Anmeldung von {name} stornieren?</p>" in content  # waiting: no seat to give
    assert "<script>alert" not in content


def test_manage_page_rows_show_check_in_cancellation_and_workshops(client, world, scene):
    workshop = factories.WorkshopFactory(event=scene.event, title="Lean & Kanban")
    factories.WorkshopChoiceFactory(
        registration=scene.other, session=workshop, status=WorkshopChoice.Status.WAITLISTED
    )
    Registration.objects.filter(pk=scene.attendee.pk).update(checked_in_at="2099-01-01T09:30Z")
    gone = factories.RegistrationFactory(
        event=scene.event, status=Registration.Status.CANCELLED, cancelled_at="2099-01-02T08:00Z"
    )
    url = reverse("events:manage_event", kwargs={"pk": scene.event.pk})
    content = as_user(client, world.manager).get(url).content.decode()
    checked_in = '<time datetime="2099-01-01T10:30:00+01:00">01/01/2099 10:30 a.m.</time>'
    assert f"<td>{checked_in}</td>" in content  # Berlin time
    assert '<td>Lean &amp; Kanban <span class="meta">(on the waiting list)</span></td>' in content
    assert '<td>Cancelled<br><span class="meta">01/02/2099 9 a.m.</span></td>' in content
    row = content[content.index(gone.person.full_name) :].split("</tr>")[0]
    assert "<td>–</td>" in row  # no workshop, not checked in, no access needs
    assert "/stornieren/" not in row
    assert "/nachruecken/" not in row
    assert content.count(" The seat goes to the first on the waiting list.</p>") == 2


def test_manage_page_counts_every_registration_or_the_filtered_ones(client, world, scene):
    for _ in range(99):
        factories.RegistrationFactory(event=scene.event, status=WAITLISTED)
    url = reverse("events:manage_event", kwargs={"pk": scene.event.pk})
    as_user(client, world.manager)
    first = client.get(url).content.decode()
    assert "102 registrations" in first
    assert first.count('<tr class="registration-') == 100
    last = client.get(url, {"page": 2}).content.decode()
    assert last.count('<tr class="registration-') == 2
    assert "Position 100</strong>" in last
    waiting = client.get(url, {"status": "waitlisted"}).content.decode()
    assert "100 registrations" in waiting


def test_manage_page_of_an_event_without_workshops_reads_no_workshop_choices(client, world, scene):
    url = reverse("events:manage_event", kwargs={"pk": scene.event.pk})
    as_user(client, world.manager).get(url)
    with CaptureQueriesContext(connection) as queries:
        content = client.get(url).content.decode()
    assert "Workshops</th>" not in content
    choices = 'SELECT "events_workshopchoice"'
    assert not [q for q in queries.captured_queries if q["sql"].startswith(choices)]


def _manage_page_queries(client, event) -> int:
    url = reverse("events:manage_event", kwargs={"pk": event.pk})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _fill(event, count: int) -> None:
    workshop = factories.WorkshopFactory(event=event, capacity=None)
    for index in range(count):
        status = CONFIRMED if index % 2 else WAITLISTED
        registration = factories.RegistrationFactory(event=event, status=status)
        factories.WorkshopChoiceFactory(registration=registration, session=workshop)


def test_manage_page_queries_do_not_grow_with_registrations(client, world):
    small = factories.EventFactory(organising_networks=[world.network], capacity=100)
    large = factories.EventFactory(organising_networks=[world.network], capacity=100)
    _fill(small, 1)
    _fill(large, 30)
    as_user(client, world.manager)
    _manage_page_queries(client, small)  # warm the session
    assert _manage_page_queries(client, small) == _manage_page_queries(client, large)


def test_counts_partial_alone(client, world, scene):
    Registration.objects.filter(pk=scene.attendee.pk).update(checked_in_at="2099-01-01T10:00Z")
    url = reverse("events:manage_counts", kwargs={"pk": scene.event.pk})
    content = as_user(client, world.manager).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert content.lstrip().startswith('<section id="live-counts"')
    assert "<strong>1</strong> of 2" in content
    assert "<html" not in content


def test_move_up_through_the_page_when_full(client, world, scene):
    second = factories.RegistrationFactory(event=scene.event, status=WAITLISTED)
    url = reverse("events:manage_move_up", kwargs={"pk": second.pk})
    back = reverse("events:manage_event", kwargs={"pk": scene.event.pk}) + "?status=waitlisted"
    response = as_user(client, world.manager).post(url, {"next": back}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain == [(back, 302)]
    assert f"{second.person.full_name} is now first on the waiting list." in content
    assert content.index(second.person.full_name) < content.index(scene.waiting.person.full_name)


def test_move_up_ignores_a_foreign_next_address(client, world, scene):
    url = reverse("events:manage_move_up", kwargs={"pk": scene.waiting.pk})
    response = as_user(client, world.manager).post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("events:manage_event", kwargs={"pk": scene.event.pk})


def test_move_up_of_a_confirmed_attendee_says_why_not(client, world, scene):
    url = reverse("events:manage_move_up", kwargs={"pk": scene.other.pk})
    response = as_user(client, world.manager).post(url, follow=True)
    assert "Only people on the waiting list can be moved up." in response.content.decode()
    assert Registration.objects.get(pk=scene.other.pk).status == CONFIRMED


def test_manager_cancel_after_the_deadline_promotes_the_next(client, world, scene):
    Event.objects.filter(pk=scene.event.pk).update(cancellation_deadline="2000-01-01T00:00Z")
    url = reverse("events:manage_cancel_registration", kwargs={"pk": scene.other.pk})
    response = as_user(client, world.manager).post(url, follow=True)
    name = scene.other.person.full_name
    assert f"The registration of {name} has been cancelled." in response.content.decode()
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses[scene.other.pk] == Registration.Status.CANCELLED
    assert statuses[scene.waiting.pk] == CONFIRMED
    choices = WorkshopChoice.objects.filter(registration=scene.other)
    assert not choices.exclude(status=WorkshopChoice.Status.CANCELLED).exists()


# --- Mails ---------------------------------------------------------------------------------


def _mail(about: str, subject: str, **kwargs) -> OutgoingMail:
    return OutgoingMail.objects.create(
        key=subject, kind="event-cancelled", recipient="a@example.org", subject=subject,
        body_text="-", about=about, from_email="portal@example.org", **kwargs,
    )  # fmt: skip


def test_mails_page_lists_only_this_events_mails(client, world, scene):
    other_event = factories.EventFactory(organising_networks=[world.network])
    _mail(mail_about(scene.event), "Abgesagt: Juni", status="sent", attempts=1)
    _mail(mail_about(scene.event), "Erinnerung Juni", status="failed", attempts=9,
          last_error="550 mailbox unavailable")  # fmt: skip
    _mail(mail_about(other_event), "Andere Veranstaltung")
    _mail(mail_about(scene.attendee), "Anmeldung bestätigt")
    url = reverse("events:manage_mails", kwargs={"pk": scene.event.pk})
    content = as_user(client, world.manager).get(url).content.decode()
    assert "2 e-mails" in content
    assert content.index("Erinnerung Juni") < content.index("Abgesagt: Juni")  # newest first
    assert "Andere Veranstaltung" not in content
    assert "Anmeldung bestätigt" not in content
    assert '<tr class="mail-failed">' in content
    assert "550 mailbox unavailable" in content
    failed = client.get(url, {"status": "failed"}).content.decode()
    assert "Erinnerung Juni" in failed
    assert "Abgesagt: Juni" not in failed


def test_mails_page_is_paginated(client, world, scene):
    for number in range(27):
        _mail(mail_about(scene.event), f"Mail {number:02d}")
    url = reverse("events:manage_mails", kwargs={"pk": scene.event.pk})
    first = as_user(client, world.manager).get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert ("Mail 26" in first, "Mail 02" in first, "Mail 01" in first) == (True, True, False)
    assert "Page 1 of 2" in first
    assert ("Mail 01" in second, "Mail 00" in second, "Mail 02" in second) == (True, True, False)

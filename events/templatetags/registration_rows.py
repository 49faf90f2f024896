"""``{% registration_rows %}``: the rows of the manager's registration table.

The markup a template loop gives, built in Python: through the template engine a row cost
about 0.3 ms (some 40 variables, tags and filters), a hundred rows half of the page. What
is the same in every row (texts, labels, the hidden inputs, the URLs but for the id) is
worked out once per table; every value from the database goes through ``html.escape``.
"""

from collections.abc import Callable, Sequence
from html import escape

from django import template
from django.template.defaultfilters import capfirst, linebreaksbr
from django.urls import reverse
from django.utils import dateformat
from django.utils.formats import get_format, localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext

from events.models import Registration, WorkshopChoice

register = template.Library()

Status = Registration.Status
NONE = "–"
# An id no registration has, replaced in the reversed URL by each row's id.
_SOME_ID = 918273645


@register.simple_tag(takes_context=True)
def registration_rows(context, registrations, *, workshops: Sequence) -> SafeString:
    """One ``<tr>`` per registration (with ``waitlist_place`` when waitlisted); a workshops
    column when the event has ``workshops``. The rows' forms come back to this page."""
    table = _Table(context, with_workshops=bool(workshops))
    # Every value in the rows went through html.escape (or is a translation, used as
    # {% blocktranslate %} uses it).
    return mark_safe("".join(table.row(registration) for registration in registrations))  # noqa: S308  # nosec B308 B703


def _text(value) -> str:
    """As ``{{ value }}`` in a template: localised, then escaped."""
    return escape(str(localize(value)))


def _url_for_id(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many ids, at the cost of one ``reverse``."""
    pattern = reverse(name, args=[_SOME_ID])
    return lambda pk: escape(pattern.replace(str(_SOME_ID), str(pk)))


class _Table:
    """What every row of one table shares; ``row`` writes one row."""

    def __init__(self, context, *, with_workshops: bool) -> None:
        self.with_workshops = with_workshops
        token = context.get("csrf_token")
        csrf = ""  # as {% csrf_token %}
        if token and token != "NOTPROVIDED":  # noqa: S105 - Django's marker, no password
            csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{_text(token)}">'
        next_path = _text(context["request"].get_full_path())
        self.hidden = f'{csrf}<input type="hidden" name="next" value="{next_path}">'
        self.move_up_url = _url_for_id("events:manage_move_up")
        self.cancel_url = _url_for_id("events:manage_cancel_registration")
        self.short_format = get_format("SHORT_DATETIME_FORMAT")
        self.status_labels = {status: _text(capfirst(label)) for status, label in Status.choices}
        self.choice_labels = {
            status: _text(label) for status, label in WorkshopChoice.Status.choices
        }
        self.walk_in = _text(gettext("walk-in"))
        self.waiting_list = _text(gettext("Waiting list"))
        self.position = gettext("Position %(position)s")
        self.move_up = _text(gettext("Move up"))
        self.cancel = _text(gettext("Cancel…"))
        self.question = gettext("Cancel the registration of %(name)s?")
        self.seat_goes = _text(gettext("The seat goes to the first on the waiting list."))
        self.confirm_cancel = _text(gettext("Yes, cancel registration"))

    def row(self, registration: Registration) -> str:
        person, status = registration.person, registration.status
        name, email = _text(person.full_name), _text(person.email)
        head = name
        if email:
            head += f'<br><a class="person-email" href="mailto:{email}">{email}</a>'
        if registration.source == Registration.Source.WALK_IN:
            head += f'<br><span class="badge badge-info">{self.walk_in}</span>'
        workshops = f"<td>{self.workshops(registration)}</td>" if self.with_workshops else ""
        access_needs = linebreaksbr(registration.access_needs or NONE, autoescape=True)
        move_up = self.move_up_form(registration, name) if status == Status.WAITLISTED else ""
        cancel = self.cancel_form(registration, name) if status != Status.CANCELLED else ""
        return f"""
    <tr class="registration-{_text(status)}">
      <th scope="row">{head}</th>
      <td>{_text(registration.organisation.name)}</td>
      <td>{self.status(registration)}</td>
      {workshops}
      <td>{self.checked_in(registration)}</td>
      <td>{access_needs}</td>
      <td class="row-actions">
        {move_up}
        {cancel}
      </td>
    </tr>
  """

    def status(self, registration: Registration) -> str:
        if registration.status == Status.WAITLISTED:
            place = self.position % {"position": _text(registration.waitlist_place)}
            return f'{self.waiting_list}<br><strong class="waitlist-place">{place}</strong>'
        label = self.status_labels.get(registration.status) or _text(registration.status)
        if registration.status == Status.CANCELLED and registration.cancelled_at:
            return f'{label}<br><span class="meta">{self.short(registration.cancelled_at)}</span>'
        return label

    def workshops(self, registration: Registration) -> str:
        titles = []
        for choice in registration.choices.all():
            title = _text(choice.session.title)
            if choice.status != WorkshopChoice.Status.CONFIRMED:
                label = self.choice_labels.get(choice.status) or _text(choice.status)
                title += f' <span class="meta">({label})</span>'
            titles.append(title)
        return "<br>".join(titles) or NONE

    def checked_in(self, registration: Registration) -> str:
        if not registration.checked_in_at:
            return NONE
        moment = localtime(registration.checked_in_at)
        return f'<time datetime="{_text(moment.isoformat())}">{self.short(moment)}</time>'

    def short(self, moment) -> str:
        """As ``|date:"SHORT_DATETIME_FORMAT"``."""
        return _text(dateformat.format(localtime(moment), self.short_format))

    def move_up_form(self, registration: Registration, name: str) -> str:
        button = f'<span class="visually-hidden"> {name}</span>'
        return f"""
          <form method="post" action="{self.move_up_url(registration.pk)}">
            {self.hidden}
            <button type="submit" class="button-small">{self.move_up}{button}</button>
          </form>
        """

    def cancel_form(self, registration: Registration, name: str) -> str:
        question = self.question % {"name": name}
        if registration.status == Status.CONFIRMED:
            question += f" {self.seat_goes}"
        danger = 'class="button-small button-danger"'
        return f"""
          <details class="confirm-details">
            <summary>{self.cancel}<span class="visually-hidden"> {name}</span></summary>
            <form method="post" action="{self.cancel_url(registration.pk)}">
              {self.hidden}
              <p>{question}</p>
              <button type="submit" {danger}>{self.confirm_cancel}</button>
            </form>
          </details>
        """

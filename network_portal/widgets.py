"""Form widgets of the portal."""

from html import escape

from django import forms
from django.utils.safestring import SafeString, mark_safe


class LongSelect(forms.Select):
    """A select for hundreds of options, such as every organisation registered for an event.

    Same markup as ``forms.Select``, written in Python: Django renders each option through
    a template include, which costs about 25 ms for 400 options on every page view.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{escape(str(group_name))}">')
            parts += [_option(option) for option in options]
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        # Every value and label above went through html.escape.
        return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


def _option(option: dict) -> str:
    value, label = escape(str(option["value"])), escape(str(option["label"]))
    return f'<option value="{value}"{_attributes(option["attrs"])}>{label}</option>'


def _attributes(attrs: dict) -> str:
    """As Django's ``attrs.html``: in order, ``True`` as a bare name, ``False`` left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )

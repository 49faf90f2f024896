"""``LongSelect`` writes the same markup as Django's ``Select``, only faster."""

import re

from django import forms

from network_portal.widgets import LongSelect

CHOICES = [
    ("", "Alle Organisationen"),
    (1, "Müller & Söhne <GmbH>"),
    (2, 'Werk "Nord"'),
    (3, "Hesterberg Testwerk GmbH"),
]
GROUPED = [("", "–"), ("Ruhr", [(1, "Bochum"), (2, "Dortmund")]), ("Harz", [(3, "Osterode")])]


def _compact(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def _both(choices, value, attrs=None) -> tuple[str, str]:
    fast = LongSelect(choices=choices, attrs=attrs).render("organisation", value)
    plain = forms.Select(choices=choices, attrs=attrs).render("organisation", value)
    return _compact(fast), _compact(plain)


def test_long_select_markup_equals_select_with_a_choice_selected():
    fast, plain = _both(CHOICES, 2, attrs={"id": "id_organisation", "aria-describedby": "help"})
    assert fast == plain
    assert '<option value="2" selected>Werk &quot;Nord&quot;</option>' in fast


def test_long_select_escapes_labels_and_selects_the_empty_choice():
    fast, plain = _both(CHOICES, None)
    assert fast == plain
    assert "Müller &amp; Söhne &lt;GmbH&gt;" in fast
    assert '<option value="" selected>Alle Organisationen</option>' in fast


def test_long_select_renders_option_groups_like_select():
    fast, plain = _both(GROUPED, 3)
    assert fast == plain
    assert '<optgroup label="Harz"><option value="3" selected>Osterode</option></optgroup>' in fast

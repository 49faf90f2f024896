"""Every user-visible text in our templates is marked for translation.

Each template is read with Django's own lexer. Text inside {% translate %},
{% blocktranslate %} ... {% endblocktranslate %}, {% comment %} and variables is set
aside; so are <script> and <style> contents and the markup itself. What is left, and the
values of attributes people read (alt, title, placeholder, aria-label), must not contain
words: a word there is text a German reader would get in English.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES = settings.BASE_DIR / "templates"
PLACEHOLDER = "\x00"
# Names and abbreviations that read the same in German and English.
NOT_WORDS = {"CSV", "XLSX", "iCalendar", "ICS", "PDF", "SVG", "RSS", "Atom", "E-Mail", "URL"}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}(?:-[A-Za-zÄÖÜäöüß]+)*")
READ_ATTRIBUTES = re.compile(
    r"\s(?:alt|title|placeholder|aria-label|aria-description)\s*=\s*\"([^\"]*)\"", re.I
)
SKIPPED_ELEMENTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#a-zA-Z0-9]+;")
BLOCK_START = {"blocktranslate", "blocktrans", "comment"}
BLOCK_END = {"endblocktranslate", "endblocktrans", "endcomment"}


def _template_files() -> list[Path]:
    return sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt"})


def _visible_source(source: str) -> str:
    """The template with translated blocks, comments and tags of the language removed."""
    parts, depth = [], 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            depth += name in BLOCK_START
            depth -= name in BLOCK_END
            parts.append(PLACEHOLDER)
        elif token.token_type == TokenType.TEXT and depth == 0:
            parts.append(token.contents)
        else:
            parts.append(PLACEHOLDER)
    return "".join(parts)


def _words(text: str) -> list[str]:
    text = ENTITY.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in NOT_WORDS]


def untranslated_texts(source: str, *, html: bool) -> list[str]:
    visible = _visible_source(source)
    if not html:
        return [line.strip() for line in visible.splitlines() if _words(line)]
    visible = HTML_COMMENT.sub(" ", SKIPPED_ELEMENTS.sub(" ", visible))
    found = [value for value in READ_ATTRIBUTES.findall(visible) if _words(value)]
    text = TAG.sub("\n", visible.replace("<!doctype html>", "").replace("<!DOCTYPE html>", ""))
    found += [line.strip() for line in text.splitlines() if _words(line)]
    return found


@pytest.mark.parametrize("template", _template_files(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_has_no_text_outside_translation(template):
    found = untranslated_texts(template.read_text(), html=template.suffix == ".html")

    assert found == [], f"mark for translation in {template.relative_to(TEMPLATES)}: {found}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello</p>", ["Hello"]),
        ('<img alt="Logo" src="{{ x }}">', ["Logo"]),
        ('<input placeholder="{% translate "Search" %}">', []),
        ("<p>{% translate 'Hello' %} – {{ name }}</p>", []),
        ("{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}", []),
        ("{% comment %}Note to self{% endcomment %}<p>{{ x }}</p>", []),
        ("<script>let words = 1;</script><style>.a { color: red }</style>", []),
        ('<a href="{% url "x" %}" class="button primary">{{ label }}</a>', []),
        ("<p>CSV · XLSX</p>", []),
    ],
)
def test_the_check_finds_english_words(source, expected):
    assert untranslated_texts(source, html=True) == expected

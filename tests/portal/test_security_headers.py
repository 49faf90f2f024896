"""Security headers of pages served with the production settings.

The pages are requested in a ``manage.py shell`` started with the production settings, as
gunicorn would load them, through Django's test client over HTTPS.
"""

import json
import re

import pytest
from django.conf import settings

from tests.portal.test_settings import manage, production_env

PAGES = ["/livez", "/accounts/login/", "/gibt-es-nicht/"]  # pages without the database
FETCH_HEADERS = (
    "import json; from django.test import Client; c = Client(); "
    "print(json.dumps({p: dict(c.get(p, secure=True, HTTP_HOST='portal.example.org').headers) "
    f"for p in {PAGES!r}}}))"
)


@pytest.fixture(scope="module")
def headers(tmp_path_factory) -> dict[str, dict[str, str]]:
    env = production_env(STATIC_ROOT=str(tmp_path_factory.mktemp("static")))
    collected = manage("collectstatic", "--noinput", "-v0", **env)
    assert collected.returncode == 0, collected.stderr
    result = manage("shell", "-c", FETCH_HEADERS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def directives(policy: str) -> dict[str, list[str]]:
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("page", PAGES)
def test_production_pages_send_the_security_headers(headers, page):
    sent = headers[page]

    assert sent["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["Referrer-Policy"] == "same-origin"
    assert sent["X-Frame-Options"] == "DENY"
    assert sent["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("page", PAGES)
def test_content_security_policy_allows_only_this_host_and_no_inline_code(headers, page):
    policy = directives(headers[page]["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    joined = " ".join(value for values in policy.values() for value in values)
    assert "unsafe-inline" not in joined
    assert "unsafe-eval" not in joined
    assert "http" not in joined


@pytest.mark.django_db
def test_htmx_is_told_not_to_inject_styles_or_evaluate_code(client):
    content = client.get("/").content.decode()

    assert '"includeIndicatorStyles": false' in content
    assert '"allowEval": false' in content


PAGE_TEMPLATES = sorted(
    path
    for path in (settings.BASE_DIR / "templates").rglob("*.html")
    if "mail" not in path.relative_to(settings.BASE_DIR / "templates").parts
)
INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=\"|\son[a-z]+=\"|\shx-on", re.I)


@pytest.mark.parametrize("template", PAGE_TEMPLATES, ids=lambda p: p.name)
def test_page_templates_hold_no_inline_code_the_policy_would_block(template):
    assert INLINE_CODE.findall(template.read_text()) == []

"""Public pages for anonymous visitors from the cache, invalidated by every committed write.

Most visitors of the home page, the event list and pages, the directory, the marketplace and
the organisation and network pages are not signed in, and they all see the same page for the
same address and language. ``public_page`` keeps such a page in the cache:

- only for GET/HEAD requests without a session cookie (no user, no flash messages) and
  only 200 answers that set no cookie;
- the key holds the language, host, scheme, the htmx headers that choose a partial and the
  full path with its query string;
- the CSRF token of the language switcher is not kept: it is cut out when the page is
  stored and each visitor gets their own when it is served;
- every write to the portal's own tables (members, events, cooperations) marks the thread;
  when the request or task that wrote ends (after its commit), the *generation* moves on and
  every page stored before is stale. Time alone changes pages too (an event starts, a
  deadline passes): entries expire after ``PORTAL_PAGE_CACHE_SECONDS`` (0 turns it off).

A page stored by a request that started before a write committed carries the generation it
read at its start, so it is never served after that write's generation moved on.
"""

import functools
import hashlib
import re
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.html import format_html

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:page:"
MAX_PATH_LENGTH = 400
CSRF_INPUT = re.compile(rb'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
CSRF_MARKER = b"\x00csrf-token\x00"
WRITE = re.compile(r'\s*(?:INSERT INTO|UPDATE|DELETE FROM) "(?P<table>[a-z_]+)"', re.IGNORECASE)
CONTENT_TABLE_PREFIXES = ("members_", "events_", "cooperations_")
# Written on every sign-in or import step, never shown on a public page.
IGNORED_TABLES = frozenset({"members_user", "members_memberimport", "members_memberimportrow"})

_writes = threading.local()


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s page to anonymous visitors from the cache (see the module's text)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        generation_moved_on()
        key = _key(request)
        generation, stored = _lookup(key)
        if stored is not None and stored["generation"] == generation:
            return _served(request, stored)
        response = view(request, *args, **kwargs)
        if _storable(response):
            _store(key, generation, response)
        return response

    return wrapper


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and len(request.get_full_path()) <= MAX_PATH_LENGTH
    )


def _key(request: HttpRequest) -> str:
    parts = (
        translation.get_language(),
        request.scheme,
        request.get_host(),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-History-Restore-Request", ""),
        request.get_full_path(),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return KEY_PREFIX + digest


def _lookup(key: str) -> tuple[int, dict | None]:
    found = cache.get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY, 0), found.get(key)


def _storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def _store(key: str, generation: int, response: HttpResponse) -> None:
    headers = [(name, value) for name, value in response.items() if name != "Set-Cookie"]
    stored = {
        "generation": generation,
        "content": CSRF_INPUT.sub(CSRF_MARKER, response.content),
        "headers": headers,
    }
    cache.set(key, stored, settings.PORTAL_PAGE_CACHE_SECONDS)


def _served(request: HttpRequest, stored: dict) -> HttpResponse:
    content = stored["content"]
    if CSRF_MARKER in content:
        token_input = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
        )
        content = content.replace(CSRF_MARKER, token_input.encode())
    response = HttpResponse(content)
    for name, value in stored["headers"]:
        response[name] = value
    return response


# --- invalidation -------------------------------------------------------------------------


def generation_moved_on() -> None:
    """After this thread wrote to the portal's tables: every stored page is stale."""
    if getattr(_writes, "pending", False):
        _writes.pending = False
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _note_writes(execute, sql, params, many, context):
    if not getattr(_writes, "pending", False) and _is_content_write(sql):
        _writes.pending = True
    return execute(sql, params, many, context)


def _is_content_write(sql) -> bool:
    match = WRITE.match(sql) if isinstance(sql, str) else None
    if match is None:
        return False
    table = match["table"].lower()
    return table.startswith(CONTENT_TABLE_PREFIXES) and table not in IGNORED_TABLES


def _watch_connection(sender, connection, **kwargs) -> None:
    if _note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_note_writes)


def _request_finished(sender, **kwargs) -> None:
    generation_moved_on()


def connect_signals() -> None:
    """Called once from the app's ``ready()``; tasks call ``generation_moved_on`` at their end."""
    connection_created.connect(_watch_connection, dispatch_uid="page-cache-watch")
    request_finished.connect(_request_finished, dispatch_uid="page-cache-request")

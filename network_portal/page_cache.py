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
- every write to the database (but for sessions and sign-in times) marks the thread;
  when the request or task that wrote ends (after its commit), the *generation* moves on and
  every page stored before is stale. Time alone changes pages too (an event starts, a
  deadline passes): entries expire after ``PORTAL_PAGE_CACHE_SECONDS`` (0 turns it off).

A page stored by a request that started before a write committed carries the generation it
read at its start, so it is never served after that write's generation moved on.

``private_page`` does the same for one signed-in user's own copy of a page that is expensive
to build and looked at again and again (the manager's registration list and its live
figures): the key holds the user, the page is neither served nor kept while a flash message
waits or is added, and the checks before it (sign-in, two-factor) run on every request.
"""

import functools
import hashlib
import re
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.session import SessionStorage
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
# Written on every request that signs in or keeps a session, or for each step of an import
# (the user's flags that pages depend on are in the private key; inactive users are signed
# out): every other write may change a page.
IGNORED_TABLES = frozenset({"django_session", "members_user", "members_memberimport"})

_writes = threading.local()


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s page to anonymous visitors from the cache (see the module's text)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (_cacheable(request) and _anonymous(request)):
            return view(request, *args, **kwargs)
        return _cached(request, "anonymous", lambda: view(request, *args, **kwargs))

    return wrapper


def private_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a signed-in user their own copy of ``view``'s page from the cache."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (_cacheable(request) and user.is_authenticated and not _messages_waiting(request)):
            return view(request, *args, **kwargs)
        owner = f"user:{user.pk}:{int(user.is_superuser)}"
        return _cached(request, owner, lambda: view(request, *args, **kwargs))

    return wrapper


def _cached(request: HttpRequest, owner: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    generation_moved_on()
    key = _key(request, owner)
    generation, stored = _lookup(key)
    if stored is not None and stored["generation"] == generation:
        return _served(request, stored)
    response = render()
    if _storable(response) and not _messages_added(request):
        _store(key, generation, response)
    return response


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and len(request.get_full_path()) <= MAX_PATH_LENGTH
    )


def _anonymous(request: HttpRequest) -> bool:
    """No session: no user and no flash message (they live in the session)."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _messages_waiting(request: HttpRequest) -> bool:
    return bool(request.session.get(SessionStorage.session_key))


def _messages_added(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and storage.added_new)


def _key(request: HttpRequest, owner: str) -> str:
    parts = (
        owner,
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
    return match["table"].lower() not in IGNORED_TABLES


def _watch_connection(sender, connection, **kwargs) -> None:
    if _note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_note_writes)


def _request_finished(sender, **kwargs) -> None:
    generation_moved_on()


def connect_signals() -> None:
    """Called once from the app's ``ready()``; tasks call ``generation_moved_on`` at their end."""
    connection_created.connect(_watch_connection, dispatch_uid="page-cache-watch")
    request_finished.connect(_request_finished, dispatch_uid="page-cache-request")

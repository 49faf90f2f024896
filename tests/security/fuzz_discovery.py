"""Find every form and query parameter of the portal by crawling it as each role.

Starting from the pages without arguments (reversed from the URL configuration) and the
signed links of the fuzz world, each user follows the links of every page they may see
(up to ``PER_ROUTE`` pages of one route) and the parser keeps the ``<form>`` elements:
method, action and every named field with its type, options and current values. New
routes and forms are covered without a change here, as soon as a page links to them.
"""

import inspect
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.test import Client
from django.urls import NoReverseMatch, Resolver404, URLResolver, get_resolver, resolve, reverse

PER_ROUTE = 2  # pages of one route each role looks at (another object rarely adds a form)
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/")
TEXT_TYPES = ("text/html",)


@dataclass
class Field:
    """One named control of a form (radios and checkboxes of one name are one field)."""

    name: str
    kind: str  # input type, or "select", "textarea"
    options: list[str] = field(default_factory=list)  # values of select/radio/checkbox
    values: list[str] = field(default_factory=list)  # what the page fills in or selects
    required: bool = False
    multiple: bool = False
    attrs: dict = field(default_factory=dict)  # min, max, maxlength, step, accept


@dataclass
class Form:
    method: str  # "get" or "post"
    action: str  # path and query the form goes to
    route: str  # route name of the action
    page: str  # the page showing the form
    role: str  # who saw it
    fields: dict[str, Field] = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        return (self.route, self.method, tuple(sorted(self.fields)))


@dataclass
class Page:
    route: str
    path: str  # path and query
    role: str
    status: int
    view: object = None


@dataclass
class Site:
    """What the crawl found: pages by route name, forms by (route, method, fields)."""

    pages: dict[str, Page] = field(default_factory=dict)
    forms: dict[tuple, Form] = field(default_factory=dict)
    visited_routes: set[str] = field(default_factory=set)


class _PageParser(HTMLParser):
    """Links and forms of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[tuple[dict, dict[str, Field]]] = []
        self._form: dict[str, Field] | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attrs = {name: (value if value is not None else "") for name, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("hx-get"):
            self.links.append(attrs["hx-get"])
        if tag == "form":
            self._form = {}
            self.forms.append((attrs, self._form))
            return
        if self._form is None or not attrs.get("name"):
            if tag == "option" and self._select is not None:
                self._option(attrs)
            return
        if tag == "input":
            self._input(attrs)
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self._field(attrs["name"], "submit").options.append(attrs.get("value", ""))
        elif tag == "select":
            self._select = self._field(attrs["name"], "select", attrs)
            self._select.multiple = "multiple" in attrs
        elif tag == "textarea":
            self._textarea = self._field(attrs["name"], "textarea", attrs)
            self._textarea.values = [""]

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data) -> None:
        if self._textarea is not None:
            self._textarea.values[0] += data

    def _field(self, name: str, kind: str, attrs: dict | None = None) -> Field:
        attrs = attrs or {}
        known = self._form.get(name)
        if known is None:
            known = self._form[name] = Field(name=name, kind=kind)
        known.required = known.required or "required" in attrs
        for key in ("min", "max", "maxlength", "step", "accept"):
            if key in attrs:
                known.attrs[key] = attrs[key]
        return known

    def _input(self, attrs: dict) -> None:
        kind = attrs.get("type", "text").lower()
        if kind in ("reset", "button", "image"):
            return
        known = self._field(attrs["name"], kind, attrs)
        value = attrs.get("value", "" if kind not in ("checkbox", "radio") else "on")
        if kind in ("checkbox", "radio", "submit"):
            known.options.append(value)
            known.multiple = known.multiple or kind == "checkbox"
            if "checked" in attrs:
                known.values.append(value)
        elif kind != "file":
            known.values.append(value)

    def _option(self, attrs: dict) -> None:
        value = attrs.get("value", "")
        self._select.options.append(value)
        if "selected" in attrs:
            self._select.values.append(value)


def route_of(path: str) -> str | None:
    """``namespace:name`` of the route a path goes to; ``None`` outside the portal."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name


def all_routes(patterns=None, prefix: str = "", namespace: str = ""):
    """``(name, pattern, argument names)`` of every URL pattern, namespaces included."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from all_routes(entry.url_patterns, text, inner)
        elif entry.name:
            name = ":".join(filter(None, [namespace, entry.name]))
            yield name, text, tuple(entry.pattern.regex.groupindex)


def start_pages() -> list[str]:
    """Every route of the portal that takes no arguments, reversed."""
    paths = []
    for name, pattern, arguments in all_routes():
        if arguments or pattern.startswith("admin/"):
            continue
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    return paths


def _local(base: str, href: str) -> str | None:
    if href.startswith(("mailto:", "tel:", "#", "javascript:")):
        return None
    url = urlsplit(urljoin("http://testserver" + base, href))
    if url.netloc not in ("testserver", "127.0.0.1:8000") or url.path.startswith(SKIPPED_PREFIXES):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


def _forms(page_path: str, role: str, parser: _PageParser) -> list[Form]:
    forms = []
    for attrs, fields in parser.forms:
        action = _local(page_path, attrs.get("action") or page_path)
        route = action and route_of(action)
        if not route:
            continue
        method = attrs.get("method", "get").lower()
        if method == "get":  # the query of the action is replaced by the form's fields
            action = urlsplit(action).path
        forms.append(Form(method, action, route, page_path, role, dict(fields)))
    return forms


def crawl(users: dict, seeds: list[str]) -> Site:
    """Crawl as every user in ``users`` (role -> User or None) from the start pages."""
    site = Site()
    for role, user in users.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        _crawl_as(site, client, role, [*seeds, *start_pages()])
    return site


def _crawl_as(site: Site, client: Client, role: str, start: list[str]) -> None:
    queue, seen, per_route = deque(start), set(), Counter()
    while queue:
        path = queue.popleft()
        route = route_of(path)
        if route is None or path in seen or per_route[route] >= PER_ROUTE:
            continue
        seen.add(path)
        per_route[route] += 1
        response = client.get(path)
        site.visited_routes.add(route)
        if response.status_code == 200 and route not in site.pages:
            site.pages[route] = Page(route, path, role, 200, resolve(urlsplit(path).path).func)
        if response.status_code != 200 or not _is_html(response):
            continue
        parser = _PageParser()
        parser.feed(response.content.decode())
        for form in _forms(path, role, parser):
            site.forms.setdefault(form.key, form)
        for href in parser.links:
            local = _local(path, href)
            if local is not None and local not in seen:
                queue.append(local)


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith(TEXT_TYPES) and not response.streaming


# --- Query parameters read by hand --------------------------------------------------------

_GET_READ = re.compile(r"""\bGET(?:\.get|\.getlist|\.__contains__)?\(?\[?\s*["'](\w+)["']""")


def query_parameters(view) -> set[str]:
    """Names the view reads from ``request.GET`` by hand: in its own source and in the
    functions of its module it calls."""
    function = inspect.unwrap(view)
    module = inspect.getmodule(function)
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):  # a class-based or generated view (allauth's)
        return set()
    helpers = [
        getattr(module, name)
        for name in set(_CALLED.findall(source))
        if inspect.isfunction(getattr(module, name, None))
    ]
    for helper in helpers:
        source += inspect.getsource(helper)
    return set(_GET_READ.findall(source))


_CALLED = re.compile(r"\b(\w+)\(")


def query_of(path: str) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for name, value in parse_qsl(urlsplit(path).query, keep_blank_values=True):
        values.setdefault(name, []).append(value)
    return values

"""Every route of the URL configuration, found by walking the resolver."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or "" for an unnamed pattern
    pattern: str  # the full pattern, for messages
    arguments: tuple[str, ...]  # the keyword arguments the pattern captures

    @property
    def namespace(self) -> str:
        return self.name.partition(":")[0] if ":" in self.name else ""


def _arguments(pattern) -> tuple[str, ...]:
    return tuple(pattern.regex.groupindex)


def _walk(resolver: URLResolver, prefix: str, namespace: str, captured: tuple[str, ...]):
    for entry in resolver.url_patterns:
        text = prefix + str(entry.pattern)
        arguments = captured + _arguments(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, text, inner, arguments)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Route(name=name, pattern=text, arguments=arguments)


def all_routes() -> list[Route]:
    """Every URL pattern; admin patterns carry the namespace ``admin``."""
    return list(_walk(get_resolver(), "", "", ()))


def is_admin(route: Route) -> bool:
    return route.pattern.startswith("admin/")

"""Queries per page at bench scale: each page once through Django's test client, in this
process, on the bench database with the server's settings, the page cache turned off (the
figures are those of a page rendered, not of one served from the cache)."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench import load


@override_settings(PORTAL_PAGE_CACHE_SECONDS=0)
def queries_per_page(requests: dict[str, load.Request], manager_id: int) -> dict[str, dict]:
    from members.models import User  # noqa: PLC0415

    anonymous = Client(HTTP_HOST="127.0.0.1")
    manager = Client(HTTP_HOST="127.0.0.1")
    manager.force_login(User.objects.get(pk=manager_id))
    figures = {}
    for name, request in requests.items():
        client = manager if "Cookie" in request.headers else anonymous
        client.get(request.path)  # warm: templates, translations, connection
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(request.path)
            elapsed = time.perf_counter() - started
        figures[name] = {
            "status": response.status_code,
            "queries": len(queries.captured_queries),
            "render_ms": round(elapsed * 1000, 1),
            "bytes": len(response.content),
        }
    return figures

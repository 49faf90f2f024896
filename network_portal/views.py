"""Views of the portal shell: home, dashboard, legal pages, health and liveness."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from events import selectors as event_selectors
from members import selectors as member_selectors
from network_portal import health
from network_portal.models import LegalPage
from network_portal.page_cache import public_page

HOME_EVENT_COUNT = 4


@require_GET
@public_page
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "next_events": event_selectors.upcoming_events()[:HOME_EVENT_COUNT],
        "networks": member_selectors.networks_with_member_counts(),
    }
    return render(request, "portal/home.html", context)


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    context = member_selectors.dashboard_for(request.user)
    return render(request, "portal/dashboard.html", context)


@require_GET
def legal_page(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in LegalPage.Slug.values:
        raise Http404
    page = LegalPage.objects.filter(slug=slug).first() or LegalPage(slug=slug, body_de="")
    context = {"page": page, "contact": _legal_contact(slug)}
    return render(request, "portal/legal_page.html", context)


def _legal_contact(slug: str) -> str:
    """The operator's contacts from the configuration (required in production)."""
    if slug == LegalPage.Slug.IMPRINT:
        return settings.PORTAL_IMPRINT_CONTACT
    if slug == LegalPage.Slug.PRIVACY:
        return settings.PORTAL_PRIVACY_CONTACT
    return ""


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    states = health.service_states()
    status = 200 if health.is_healthy(states) else 503
    return JsonResponse({"status": "ok" if status == 200 else "down", **states}, status=status)


@never_cache
@require_GET
def livez(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")

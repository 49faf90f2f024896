"""The directory and organisation profiles. Objects come only through ``access``."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from members import access, selectors
from members.directory import directory_search
from members.forms import DirectoryFilterForm
from members.selectors import organisations as organisation_selectors
from network_portal.page_cache import public_page

DIRECTORY_PAGE_SIZE = 20


@require_GET
@public_page
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.organisation_for_view(request.user, slug)
    can_change = access.can_change_organisation(request.user, organisation)
    can_ask_to_join = access.can_ask_to_join(request.user, organisation)
    context = {
        "organisation": selectors.organisation_profile(organisation),
        "can_change": can_change,
        "confirmation_due": can_change and organisation_selectors.confirmation_due(organisation),
        "can_ask_to_join": can_ask_to_join,
        "pending_join_request": can_ask_to_join
        and organisation_selectors.pending_join_request(
            organisation=organisation, user=request.user
        ),
    }
    return render(request, "members/organisation_detail.html", context)


@require_GET
@public_page
def directory(request: HttpRequest) -> HttpResponse:
    """The member directory; htmx requests get only the results region."""
    form = DirectoryFilterForm(request.GET)
    organisations = directory_search(viewer=request.user, **form.search_arguments())
    page = Paginator(organisations, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "organisations": page.object_list}
    partial = request.htmx and not request.htmx.history_restore_request
    template = "members/_directory_results.html" if partial else "members/directory.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response

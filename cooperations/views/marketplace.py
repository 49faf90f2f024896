"""The marketplace and the public Atom feed. Listings come only through ``access``."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from cooperations.forms import MarketplaceFilterForm
from cooperations.marketplace import marketplace_search
from network_portal.page_cache import public_page

MARKETPLACE_PAGE_SIZE = 20


@require_GET
@public_page
def marketplace(request: HttpRequest) -> HttpResponse:
    """Offers and requests the visitor may see; htmx requests get only the results region."""
    form = MarketplaceFilterForm(request.GET)
    listings = marketplace_search(viewer=request.user, **form.search_arguments())
    page = Paginator(listings, MARKETPLACE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "listings": page.object_list}
    partial = request.htmx and not request.htmx.history_restore_request
    template = (
        "cooperations/_marketplace_results.html" if partial else "cooperations/marketplace.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response

"""A listing's page, and its organisation's writes: create, edit, publish, close.

Objects come only through ``access``; every write is one service call.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cooperations import access, selectors
from cooperations.forms import ListingForm
from cooperations.models import Listing
from cooperations.services import listings as services
from members import access as member_access
from network_portal.page_cache import public_page

FORM_TEMPLATE = "cooperations/listing_form.html"


@require_GET
@public_page
def listing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    listing = access.listing_for_view(request.user, pk)
    context = {
        "listing": selectors.listing_page(listing),
        "can_change": access.can_change_listing(request.user, listing),
        "organisation_visible": member_access.can_view_organisation(
            request.user, listing.organisation
        ),
    }
    return render(request, "cooperations/listing_detail.html", context)


@login_required
@require_GET
def my_listings(request: HttpRequest) -> HttpResponse:
    organisations = access.organisations_that_may_post(request.user)
    context = {
        "listings": selectors.listings_of(organisations),
        "may_post": organisations.exists(),
    }
    return render(request, "cooperations/my_listings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def listing_create(request: HttpRequest) -> HttpResponse:
    organisations = access.organisations_that_may_post(request.user)
    if not organisations.exists():
        return render(request, "cooperations/listing_no_organisation.html", status=403)
    initial = {"kind": request.GET.get("kind", Listing.Kind.OFFER)}
    if organisations.count() == 1:  # the page sends it as a hidden field: fill it in
        initial["organisation"] = organisations.get()
    form = ListingForm(request.POST or None, organisations=organisations, initial=initial)
    context = {"form": form, "creating": True}
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.listing_create(
                organisation=form.cleaned_data["organisation"],
                author=request.user,
                data=form.listing_data(),
                publish=_publishing(request),
            )
        except services.ListingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _saved_message(listing))
            return redirect(listing)
    status = 400 if request.method == "POST" else 200
    return render(request, FORM_TEMPLATE, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def listing_edit(request: HttpRequest, pk: int) -> HttpResponse:
    listing = access.listing_for_change(request.user, pk)
    form = ListingForm(request.POST or None, instance=copy.copy(listing))
    context = {"form": form, "listing": listing, "creating": False}
    if request.method == "POST" and form.is_valid():
        try:
            services.listing_update(listing=listing, data=form.listing_data())
            if _publishing(request) and listing.status != Listing.Status.PUBLISHED:
                listing = services.listing_publish(listing=listing)
        except services.ListingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The listing has been saved."))
            return redirect(listing)
    status = 400 if request.method == "POST" else 200
    return render(request, FORM_TEMPLATE, context, status=status)


@login_required
@require_POST
def listing_publish(request: HttpRequest, pk: int) -> HttpResponse:
    listing = access.listing_for_change(request.user, pk)
    try:
        services.listing_publish(listing=listing)
    except services.ListingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The listing is published."))
    return redirect(listing)


@login_required
@require_POST
def listing_close(request: HttpRequest, pk: int) -> HttpResponse:
    listing = access.listing_for_change(request.user, pk)
    try:
        services.listing_close(listing=listing)
    except services.ListingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The listing is closed. It no longer appears in the marketplace.")
        )
    return redirect(listing)


def _publishing(request: HttpRequest) -> bool:
    return request.POST.get("action") == "publish"


def _saved_message(listing: Listing) -> str:
    if listing.status == Listing.Status.PUBLISHED:
        return _("The listing is published.")
    return _("The listing has been saved as a draft. Publish it when it is ready.")

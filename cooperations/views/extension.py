"""The one-click extension from the reminder mail: no sign-in, a confirmation with POST.

The link itself is the permission (signed, for one listing and one validity period). A
GET only shows what the button will do, so a mail scanner following links changes nothing.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cooperations.services import expiry

TEMPLATE = "cooperations/listing_extend.html"


@require_http_methods(["GET", "POST"])
def listing_extend(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = expiry.extension_link_read(token)
        if request.method == "POST" and not link.used:
            listing = expiry.listing_extend(token=token)
            return render(request, TEMPLATE, {"listing": listing, "extended": True})
    except expiry.ExtensionError as error:
        status = 404 if error.forged else 410
        return render(request, TEMPLATE, {"error": error.message}, status=status)
    new_date = expiry.extended_date(link.listing, timezone.localdate())
    return render(request, TEMPLATE, {"listing": link.listing, "link": link, "new_date": new_date})

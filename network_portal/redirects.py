"""Back to where a form came from, never to another site."""

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def redirect_back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """To the form's ``next`` field if it is a path on this site, else to ``fallback``.

    A path only: ``redirect("0")`` would look for a view named "0" (a 500), and a full
    address could lead to another host.
    """
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(fallback)

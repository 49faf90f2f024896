"""My cooperations: the user's listings with their interests, interests sent, introductions."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cooperations.mine import my_cooperations


@login_required
@require_GET
def my_cooperations_page(request: HttpRequest) -> HttpResponse:
    return render(
        request, "cooperations/my_cooperations.html", {"mine": my_cooperations(request.user)}
    )

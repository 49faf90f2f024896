"""Introductions brokered by a partner: propose, see, answer for one side, withdraw.

Objects come only through ``access`` and ``consent``; every write is one service call.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cooperations import access, consent
from cooperations.forms.interests import AnswerForm, IntroductionForm, ListingAboutForm
from cooperations.models import Introduction
from cooperations.services import introductions as services
from members import access as member_access

FORM_TEMPLATE = "cooperations/introductions/introduction_form.html"
DETAIL_TEMPLATE = "cooperations/introductions/introduction_detail.html"


@login_required
@require_http_methods(["GET", "POST"])
def introduction_create(request: HttpRequest) -> HttpResponse:
    if not consent.may_broker(request.user):
        raise PermissionDenied
    brokers = consent.broker_organisations(request.user)
    if not brokers.exists():
        return render(request, FORM_TEMPLATE, {"form": None}, status=403)
    listing = _listing_from(request)
    form = IntroductionForm(
        request.POST or None,
        initial={"listing": listing, "first_organisation": listing and listing.organisation},
        brokers=brokers,
        organisations=member_access.organisations_visible_to(request.user)
        .exclude(pk__in=brokers)
        .order_by("name"),
        listings=access.listings_visible_to(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            introduction = services.introduction_create(broker=request.user, **form.cleaned_data)
        except services.IntroductionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your introduction has been sent. Both organisations are asked by mail.")
            )
            return redirect("cooperations:introduction", pk=introduction.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, FORM_TEMPLATE, {"form": form, "listing": listing}, status=status)


def _listing_from(request: HttpRequest):
    """The listing the introduction is about, from ``?listing=`` (a visible one, or 404)."""
    about = ListingAboutForm(request.GET)
    if about.is_valid() and about.cleaned_data["listing"]:
        return access.listing_for_view(request.user, about.cleaned_data["listing"])
    return None


@login_required
@require_GET
def introduction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = consent.introduction_for_view(request.user, pk)
    return _detail(request, introduction)


def _detail(request: HttpRequest, introduction: Introduction, status: int = 200) -> HttpResponse:
    side = consent.introduction_side_of(request.user, introduction)
    pending = introduction.status == Introduction.Status.PENDING
    context = {
        "introduction": introduction,
        "side": side,
        "member_side": consent.introduction_member_side(request.user, introduction),
        "answer": introduction.answer_of(side.pk) if side else None,
        "may_answer": pending and side and introduction.answer_of(side.pk) == "pending",
        "is_broker": consent.is_broker_of(request.user, introduction),
        "contact": consent.introduction_contact_for(request.user, introduction),
    }
    return render(request, DETAIL_TEMPLATE, context, status=status)


@login_required
@require_POST
def introduction_answer(request: HttpRequest, pk: int) -> HttpResponse:
    introduction, side = consent.introduction_for_answer(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please accept or decline."))
        return _detail(request, introduction, status=400)
    try:
        introduction = services.introduction_answer(
            introduction=introduction, organisation=side, user=request.user, accept=form.accepted
        )
    except services.IntroductionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _introduction_answered(introduction, form.accepted))
    return redirect("cooperations:introduction", pk=introduction.pk)


def _introduction_answered(introduction: Introduction, accepted: bool) -> str:
    if introduction.status == Introduction.Status.ACCEPTED:
        return _("Both organisations accepted. You now see each other's contact details.")
    if accepted:
        return _("You accepted. The other organisation has not answered yet.")
    return _("You declined the introduction. The partner who brokered it has been told.")


@login_required
@require_POST
def introduction_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = consent.introduction_for_withdrawal(request.user, pk)
    try:
        services.introduction_withdraw(introduction=introduction)
    except services.IntroductionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The introduction has been withdrawn."))
    return redirect("cooperations:introduction", pk=introduction.pk)

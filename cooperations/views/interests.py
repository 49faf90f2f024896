"""Interest in a listing: send it, see it, answer it, withdraw it.

Objects come only through ``access`` and ``consent``; every write is one service call.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cooperations import access, consent
from cooperations.forms.interests import AnswerForm, InterestForm
from cooperations.models import Interest
from cooperations.services import interests as services
from members import roles

FORM_TEMPLATE = "cooperations/interests/interest_form.html"
DETAIL_TEMPLATE = "cooperations/interests/interest_detail.html"


@login_required
@require_http_methods(["GET", "POST"])
def interest_create(request: HttpRequest, pk: int) -> HttpResponse:
    listing = access.listing_for_view(request.user, pk)
    organisations = consent.organisations_that_may_express_interest(request.user, listing)
    if not organisations.exists():
        return render(request, FORM_TEMPLATE, {"listing": listing, "form": None}, status=403)
    form = InterestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            interest = services.interest_create(
                listing=listing,
                organisation=form.cleaned_data["organisation"],
                user=request.user,
                message=form.cleaned_data["message"],
            )
        except services.InterestError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Your interest has been sent. We will tell you by e-mail when it is answered."),
            )
            return redirect("cooperations:interest", pk=interest.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, FORM_TEMPLATE, {"listing": listing, "form": form}, status=status)


@login_required
@require_GET
def interest_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interest = consent.interest_for_view(request.user, pk)
    return _detail(request, interest, AnswerForm())


def _detail(request: HttpRequest, interest: Interest, form: AnswerForm, status=200):
    pending = interest.status == Interest.Status.PENDING
    context = {
        "interest": interest,
        "listing": interest.listing,
        "contact": consent.interest_contact_for(request.user, interest),
        "is_owner_side": interest.listing.organisation_id
        in roles.for_user(request.user).organisation_ids,
        "may_answer": pending and consent.may_answer_interest(request.user, interest),
        "may_withdraw": pending and consent.may_withdraw_interest(request.user, interest),
        "form": form,
    }
    return render(request, DETAIL_TEMPLATE, context, status=status)


@login_required
@require_POST
def interest_answer(request: HttpRequest, pk: int) -> HttpResponse:
    interest = consent.interest_for_answer(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, interest, form, status=400)
    try:
        services.interest_answer(
            interest=interest,
            user=request.user,
            accept=form.accepted,
            reply=form.cleaned_data["reply"],
        )
    except services.InterestError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _answered_message(form.accepted))
    return redirect("cooperations:interest", pk=interest.pk)


def _answered_message(accepted: bool) -> str:
    if accepted:
        return _("You accepted the interest. Both sides now see each other's contact details.")
    return _("You declined the interest. The organisation has been told.")


@login_required
@require_POST
def interest_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    interest = consent.interest_for_withdrawal(request.user, pk)
    try:
        services.interest_withdraw(interest=interest)
    except services.InterestError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your interest has been withdrawn."))
    return redirect("cooperations:interest", pk=interest.pk)

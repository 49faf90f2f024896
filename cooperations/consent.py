"""Who sees and answers interests and introductions, and when contact details pass.

The rule of consent: an interest is a matter between two organisations, the one that
sent it and the one whose listing it concerns. Their people (admins and staff) see it;
nobody else does (404), network managers and platform admins included. An introduction
is seen by the two organisations introduced and by the broker (the user and the people of
the broker's organisation).

Who decides:

- an interest is answered by the admins of the listing's organisation and the person who
  posted the listing (as long as they act for it); it is withdrawn by its sender or the
  admins of the sending organisation, while nobody has answered yet;
- each side of an introduction answers through its admins; the broker may withdraw it
  while answers are outstanding.

Contact details (the person who sent or answered, with e-mail and phone, and the
organisation's general contact) are shown only once an interest is accepted, or once both
sides accepted an introduction, and only to the two sides.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from cooperations.models import Interest, Introduction, Listing
from members import roles
from members.models import Organisation, Person, User

AnyUser = User | AnonymousUser


# --- Interests --------------------------------------------------------------------------


def interests_visible_to(user: AnyUser) -> QuerySet[Interest]:
    """Interests sent by, or received by, an organisation the user acts for."""
    own = roles.for_user(user).organisation_ids
    if not own:
        return Interest.objects.none()
    return Interest.objects.filter(Q(organisation_id__in=own) | Q(listing__organisation_id__in=own))


def interest_for_view(user: AnyUser, pk: int) -> Interest:
    interests = interests_visible_to(user).select_related(
        "listing__organisation", "organisation", "user", "decided_by"
    )
    return get_object_or_404(interests, pk=pk)


def may_answer_interest(user: AnyUser, interest: Interest) -> bool:
    """The listing organisation's admins, and the person who posted the listing."""
    return may_decide_for_listing(user, interest.listing)


def may_decide_for_listing(user: AnyUser, listing: Listing) -> bool:
    user_roles = roles.for_user(user)
    if listing.organisation_id in user_roles.admin_of:
        return True
    posted_it = user.is_authenticated and listing.created_by_id == user.pk
    return posted_it and listing.organisation_id in user_roles.organisation_ids


def may_withdraw_interest(user: AnyUser, interest: Interest) -> bool:
    """The sender (while they act for the organisation) and the sending organisation's admins."""
    user_roles = roles.for_user(user)
    if interest.organisation_id in user_roles.admin_of:
        return True
    sent_it = user.is_authenticated and interest.user_id == user.pk
    return sent_it and interest.organisation_id in user_roles.organisation_ids


def interest_for_answer(user: AnyUser, pk: int) -> Interest:
    interest = interest_for_view(user, pk)
    if not may_answer_interest(user, interest):
        raise PermissionDenied
    return interest


def interest_for_withdrawal(user: AnyUser, pk: int) -> Interest:
    interest = interest_for_view(user, pk)
    if not may_withdraw_interest(user, interest):
        raise PermissionDenied
    return interest


def organisations_that_may_express_interest(
    user: AnyUser, listing: Listing
) -> QuerySet[Organisation]:
    """The organisations the user acts for, except the listing's own."""
    own = roles.for_user(user).organisation_ids - {listing.organisation_id}
    return Organisation.objects.filter(pk__in=own).order_by("name")


# --- Introductions ----------------------------------------------------------------------


def may_broker(user: AnyUser) -> bool:
    """People of partner organisations (chambers, agencies, ...) and network managers."""
    user_roles = roles.for_user(user)
    return user_roles.is_partner or user_roles.is_manager or user_roles.is_platform_admin


def broker_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations a broker introduces on behalf of: partner organisations first.

    A network manager may also act for a company they work for; a broker without any
    organisation cannot introduce (an introduction always names who brokered it).
    """
    if not may_broker(user):
        return Organisation.objects.none()
    own = roles.for_user(user).organisation_ids
    companies_last = Case(When(kind=Organisation.Kind.COMPANY, then=Value(1)), default=Value(0))
    return Organisation.objects.filter(pk__in=own).order_by(companies_last, "name")


def introductions_visible_to(user: AnyUser) -> QuerySet[Introduction]:
    if not user.is_authenticated:
        return Introduction.objects.none()
    own = roles.for_user(user).organisation_ids
    return Introduction.objects.filter(
        Q(broker=user)
        | Q(broker_organisation_id__in=own)
        | Q(first_organisation_id__in=own)
        | Q(second_organisation_id__in=own)
    )


def introduction_for_view(user: AnyUser, pk: int) -> Introduction:
    introductions = introductions_visible_to(user).select_related(
        "broker_organisation",
        "broker",
        "first_organisation",
        "second_organisation",
        "listing",
        "first_answered_by",
        "second_answered_by",
    )
    return get_object_or_404(introductions, pk=pk)


def introduction_side_of(user: AnyUser, introduction: Introduction) -> Organisation | None:
    """The side the user answers for: one of the two organisations they are admin of."""
    admin_of = roles.for_user(user).admin_of
    for organisation in (introduction.first_organisation, introduction.second_organisation):
        if organisation.pk in admin_of:
            return organisation
    return None


def introduction_member_side(user: AnyUser, introduction: Introduction) -> Organisation | None:
    """The side the user acts for (admin or staff), if any."""
    own = roles.for_user(user).organisation_ids
    for organisation in (introduction.first_organisation, introduction.second_organisation):
        if organisation.pk in own:
            return organisation
    return None


def introduction_for_answer(user: AnyUser, pk: int) -> tuple[Introduction, Organisation]:
    introduction = introduction_for_view(user, pk)
    side = introduction_side_of(user, introduction)
    if side is None:
        raise PermissionDenied
    return introduction, side


def is_broker_of(user: AnyUser, introduction: Introduction) -> bool:
    if not user.is_authenticated:
        return False
    own = roles.for_user(user).organisation_ids
    return introduction.broker_id == user.pk or introduction.broker_organisation_id in own


def introduction_for_withdrawal(user: AnyUser, pk: int) -> Introduction:
    introduction = introduction_for_view(user, pk)
    if not is_broker_of(user, introduction):
        raise PermissionDenied
    return introduction


# --- Contact details, after consent -------------------------------------------------------


@dataclass(frozen=True)
class ContactCard:
    """What one side learns about the other once both agreed."""

    organisation: Organisation
    person: Person | None  # the person who sent or answered, if they still act for it
    user: User | None  # their account, for the e-mail address when no person row holds one

    @property
    def person_name(self) -> str:
        if self.person:
            return self.person.full_name
        return str(self.user) if self.user else ""

    @property
    def email(self) -> str:
        if self.person and self.person.email:
            return self.person.email
        return self.user.email if self.user else ""


def contact_card(organisation: Organisation, user: User | None) -> ContactCard:
    person = None
    if user is not None:
        person = Person.objects.filter(organisation=organisation, user=user, is_active=True).first()
    return ContactCard(organisation=organisation, person=person, user=user)


def interest_contact_for(user: AnyUser, interest: Interest) -> ContactCard | None:
    """The other side's contact card for ``user``; ``None`` before acceptance."""
    if not interest.is_accepted:
        return None
    own = roles.for_user(user).organisation_ids
    if interest.listing.organisation_id in own:
        return contact_card(interest.organisation, interest.user)
    if interest.organisation_id in own:
        return contact_card(interest.listing.organisation, interest.decided_by)
    return None


def introduction_contact_for(user: AnyUser, introduction: Introduction) -> ContactCard | None:
    """For a side of an introduction both accepted: the other side and who accepted there."""
    if introduction.status != Introduction.Status.ACCEPTED:
        return None
    own = roles.for_user(user).organisation_ids
    first, second = introduction.first_organisation, introduction.second_organisation
    if first.pk in own and second.pk not in own:
        return contact_card(second, introduction.second_answered_by)
    if second.pk in own and first.pk not in own:
        return contact_card(first, introduction.first_answered_by)
    return None

"""The authorization matrix: for every route, what each role gets for GET and for POST.

One row per URL name. ``args`` names the world's objects the URL is built from (see
``tests/security/world.py``: ``company`` is the owning organisation, ``network`` the
object's network). ``get`` and ``post`` list the expected answer per role, in the order
of ``ROLES``:

    anonymous  outsider  colleague  org_admin  partner  other_manager  manager  platform_admin

Answers: a status code; ``L`` = redirect to the sign-in page (302); ``302`` = any other
redirect. POSTs send ``data`` (field -> literal, or ``W("path")`` into the world) or
nothing; a refused request (L, 400, 403, 404, 405, 410) must leave every table unchanged.
Argument paths starting with ``=`` are literals (``"=csv"``).

A route of the URL configuration without a row fails the test; so does a row whose route
is gone. A new route gets a row in its area's table, ``matrix_portal.py`` or
``matrix_activities.py`` (and, if it names a parent and a child, an entry in ``NESTED``).
Routes that carry no portal object and belong to allauth or Django are listed in
``PUBLIC_NO_OBJECT``; the Django admin has one rule of its own (``ADMIN_ALLOWED``).
"""

from tests.security.matrix_activities import ACTIVITY_ROUTES
from tests.security.matrix_portal import PORTAL_ROUTES
from tests.security.rows import Row

# The rows live in two tables by area: ``matrix_portal.py`` (portal shell, data protection,
# members) and ``matrix_activities.py`` (events, cooperations). A name in both would hide
# one of its rows.
_TWICE = PORTAL_ROUTES.keys() & ACTIVITY_ROUTES.keys()
if _TWICE:
    raise ValueError(f"routes with a row in both matrix tables: {sorted(_TWICE)}")
ROUTES: dict[str, Row] = {**PORTAL_ROUTES, **ACTIVITY_ROUTES}

# Routes naming a parent and a child: the child of another parent (``elsewhere`` in the
# world) must not be found, whoever asks.
SENDER_PERSON = {"pk": "sender_person.pk"}
NESTED = {
    "members:person_edit": SENDER_PERSON,
    "members:person_set_active": SENDER_PERSON,
    "members:person_set_role": SENDER_PERSON,
    "privacy:person_remove": SENDER_PERSON,
    "members:join_request_decide": {"pk": "sender_join_request.pk"},
    "members:invitation_withdraw": {"pk": "sender_invitation.pk"},
    "events:manage_invite_batch": {"batch": "other_batch.pk"},
    "events:manage_invite_send": {"batch": "other_batch.pk"},
    "events:manage_invite_discard": {"batch": "other_batch.pk"},
    "events:manage_reminder_remove": {"rule_pk": "other_rule.pk"},
    "cooperations:funding_edit": {"pk": "other_funding.pk"},
    "cooperations:funding_remove": {"pk": "other_funding.pk"},
    "cooperations:milestone_edit": {"pk": "other_milestone.pk"},
    "cooperations:milestone_done": {"pk": "other_milestone.pk"},
    "cooperations:milestone_remove": {"pk": "other_milestone.pk"},
    "cooperations:partner_remove": {"pk": "other_partner.pk"},
    "cooperations:network_remove": {"pk": "other_project_network.pk"},
}

# Routes of allauth and Django that hold no portal object: not in the matrix. Signing in,
# signing up, passwords, e-mail addresses and two-factor are allauth's own (its keys in
# ``account_confirm_email`` and ``account_reset_password_from_key`` are allauth's too).
PUBLIC_NO_OBJECT = {
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_email",
    "account_email_verification_sent",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_confirm_login_code",
    "account_confirm_email",
    "account_reset_password_from_key_done",
    "account_reset_password_from_key",
    "account_reset_password_done",
    "mfa_index",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "set_language",
}

# The Django admin (every route under /admin/) is one row of its own, tested in
# ``test_admin_matrix.py``: only the platform admin gets in. Everybody else is sent to the
# admin's sign-in, which sends visitors on to allauth's sign-in (L) and refuses signed-in
# people without staff status (403); a POST changes nothing.
ADMIN_ALLOWED = {"platform_admin"}

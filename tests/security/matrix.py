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
is gone. A new route gets a row here (and, if it names a parent and a child, an entry in
``NESTED``). Routes that carry no portal object and belong to allauth or Django are listed
in ``PUBLIC_NO_OBJECT``; the Django admin has one rule of its own (``ADMIN_ALLOWED``).
"""

from tests.security.rows import (
    ACCEPT,
    BATCH,
    CONTACT,
    EVENT,
    EVERYBODY,
    FUNDING,
    LISTING,
    MANAGER_AREA,
    MILESTONE,
    NO_GET,
    NO_POST,
    ORG,
    PROJECT,
    PROJECT_CHANGE_DONE,
    PROJECT_CHANGE_GET,
    PROJECT_CHANGE_POST,
    REGISTRATION,
    SIGNED_IN,
    SIGNED_IN_NO_POST,
    Row,
    W,
    row,
)

ROUTES: dict[str, Row] = {
    # --- The portal shell, e-mail settings, legal pages ---------------------------------
    #                     anon out col oadm part xman man padm
    "home": row(EVERYBODY, NO_POST),
    "dashboard": row(SIGNED_IN, SIGNED_IN_NO_POST),
    "mail_preferences": row(SIGNED_IN, "L 302 302 302 302 302 302 302", data={"invitations": "on"}),
    # The signed link is the permission (and needs no sign-in): same answer for everybody.
    "mail_unsubscribe": row(EVERYBODY, EVERYBODY, args={"token": "tokens.mail_unsubscribe"}),
    "legal": row(EVERYBODY, NO_POST, args={"slug": "=impressum"}),
    "healthz": row(EVERYBODY, NO_POST),
    "livez": row(EVERYBODY, NO_POST),
    # --- Data protection ------------------------------------------------------------------
    "privacy:my_data": row(SIGNED_IN, SIGNED_IN_NO_POST),
    "privacy:consent_withdraw": row(
        NO_GET, "L 404 302 404 404 404 404 404", args={"pk": "consent.pk"}
    ),
    "privacy:export": row(SIGNED_IN, SIGNED_IN_NO_POST),
    "privacy:export_download": row(SIGNED_IN, SIGNED_IN_NO_POST),
    "privacy:account_delete": row(SIGNED_IN, "L 400 400 400 400 400 400 400"),
    "privacy:person_remove": row(
        "L 403 403 200 403 403 403 200",
        "L 403 403 302 403 403 403 302",
        args={"slug": "company.slug", "pk": "contact.pk"},
    ),
    "privacy:processing_record": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "privacy:processing_record_download": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    # --- Organisations and their people ---------------------------------------------------
    "members:directory": row(EVERYBODY, NO_POST),
    "members:organisation": row(EVERYBODY, NO_POST, args=ORG),
    "members:organisation_create": row(SIGNED_IN, "L 400 400 400 400 400 400 400"),
    "members:organisation_edit": row(
        "L 403 403 200 403 403 200 200", "L 403 403 400 403 403 400 400", args=ORG
    ),
    "members:organisation_confirm": row(NO_GET, "L 403 403 302 403 403 302 302", args=ORG),
    # Anybody signed in may ask to join; who acts for it already is sent to the profile.
    "members:organisation_join": row(
        "L 200 302 302 200 200 200 200",
        "L 302 302 302 302 302 302 302",
        args=ORG,
        data={"message": "Ich arbeite seit Mai hier."},
    ),
    "members:organisation_people": row(
        "L 403 403 200 403 403 200 200", SIGNED_IN_NO_POST, args=ORG
    ),
    "members:person_add": row(
        "L 403 403 200 403 403 200 200",
        "L 403 403 302 403 403 302 302",
        args=ORG,
        data=CONTACT,
    ),
    "members:person_edit": row(
        "L 403 403 200 403 403 200 200",
        "L 403 403 302 403 403 302 302",
        args={"slug": "company.slug", "pk": "contact.pk"},
        data=CONTACT,
    ),
    "members:person_set_active": row(
        NO_GET,
        "L 403 403 302 403 403 302 302",
        args={"slug": "company.slug", "pk": "contact.pk"},
    ),
    "members:person_set_role": row(
        NO_GET,
        "L 403 403 302 403 403 302 302",
        args={"slug": "company.slug", "pk": "colleague_person.pk"},
        data={"role": "admin"},
    ),
    "members:join_request_decide": row(
        NO_GET,
        "L 403 403 302 403 403 302 302",
        args={"slug": "company.slug", "pk": "join_request.pk"},
        data={"decision": "approve"},
    ),
    "members:invitation_create": row(
        "L 403 403 200 403 403 200 200",
        "L 403 403 302 403 403 302 302",
        args=ORG,
        data={"email": "kollegin@example.org", "role": "staff"},
    ),
    "members:invitation_withdraw": row(
        NO_GET,
        "L 403 403 302 403 403 302 302",
        args={"slug": "company.slug", "pk": "colleague_invitation.pk"},
    ),
    # The link shows the invitation to whoever holds it; only the invited address accepts.
    "members:invitation": row(
        EVERYBODY,
        "L 400 400 400 400 400 400 400",
        args={"token": "tokens.colleague_invitation"},
    ),
    # --- Networks, applications, the manager area ------------------------------------------
    "members:networks": row(EVERYBODY, NO_POST),
    "members:network": row(EVERYBODY, NO_POST, args={"slug": "network.slug"}),
    # Organisation admins apply; ``company`` is in the network already (back to its page).
    "members:network_apply": row(
        "L 403 403 302 403 403 403 403",
        "L 403 403 302 403 403 403 403",
        args={"slug": "network.slug"},
    ),
    "members:manage_dashboard": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "members:applications": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "members:application_approve": row(
        NO_GET, "L 403 403 403 403 404 302 302", args={"pk": "application.pk"}
    ),
    "members:application_decline": row(
        "L 403 403 403 403 404 200 200",
        "L 403 403 403 403 404 302 302",
        args={"pk": "application.pk"},
        data={"reason": "Das Netzwerk nimmt nur Unternehmen aus der Region auf."},
    ),
    "members:manage_members": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "members:manage_export": row(MANAGER_AREA, SIGNED_IN_NO_POST, args={"format": "=csv"}),
    "members:manage_membership_end": row(
        "L 403 403 403 403 404 200 200",
        "L 403 403 403 403 404 302 302",
        args={"pk": "membership.pk"},
        data={"reason": "Austritt zum Jahresende"},
    ),
    "members:manage_import": row(MANAGER_AREA, "L 403 403 403 403 400 400 400"),
    "members:manage_import_template": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "members:manage_import_detail": row(
        "L 403 403 403 403 404 200 200", SIGNED_IN_NO_POST, args={"pk": "member_import.pk"}
    ),
    "members:manage_import_confirm": row(
        NO_GET, "L 403 403 403 403 404 302 302", args={"pk": "member_import.pk"}
    ),
    "members:manage_import_discard": row(
        NO_GET, "L 403 403 403 403 404 302 302", args={"pk": "member_import.pk"}
    ),
    # --- Events: public pages, registration ------------------------------------------------
    "events:list": row(EVERYBODY, NO_POST),
    "events:feed": row(EVERYBODY, NO_POST),
    "events:network_feed": row(EVERYBODY, NO_POST, args={"slug": "network.slug"}),
    "events:detail": row(EVERYBODY, NO_POST, args=EVENT),
    "events:ics": row(EVERYBODY, NO_POST, args=EVENT),
    # Everybody may register themselves; nobody registers another's person (the admin's).
    "events:register": row(
        NO_GET,
        "L 400 400 302 400 400 400 400",
        args=EVENT,
        data={"person": W("admin_person.pk"), "consent": "on"},
    ),
    # The attendee, an admin of their organisation, the event's managers; 404 for others.
    "events:registration_cancel": row(
        "L 404 200 200 404 404 200 200", "L 404 302 302 404 404 302 302", args=REGISTRATION
    ),
    "events:mine": row(SIGNED_IN, SIGNED_IN_NO_POST),
    # The personal links from mails: the signed token is the permission.
    "events:invitation": row(
        EVERYBODY, "L 400 400 400 400 400 400 400", args={"token": "tokens.event_invitation"}
    ),
    "events:cancel_link": row(
        EVERYBODY, "302 302 302 302 302 302 302 302", args={"token": "tokens.cancel_link"}
    ),
    # --- Events: the manager area ------------------------------------------------------------
    "events:manage_list": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "events:manage_create": row(MANAGER_AREA, "L 403 403 403 403 400 400 400"),
    "events:manage_edit": row(
        "L 403 403 403 403 403 200 200", "L 403 403 403 403 403 400 400", args=EVENT
    ),
    "events:manage_copy": row(
        "L 403 403 403 403 403 200 200", "L 403 403 403 403 403 400 400", args=EVENT
    ),
    "events:manage_publish": row(NO_GET, "L 403 403 403 403 403 302 302", args=EVENT),
    "events:manage_cancel": row(
        "L 403 403 403 403 403 200 200",
        "L 403 403 403 403 403 302 302",
        args=EVENT,
        data={"message": "Die Veranstaltung fällt leider aus."},
    ),
    "events:manage_event": row("L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT),
    "events:manage_counts": row("L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT),
    "events:manage_export": row(
        "L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args={"pk": "event.pk", "fmt": "=csv"}
    ),
    "events:manage_print": row("L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT),
    "events:manage_mails": row("L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT),
    "events:manage_checkin": row("L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT),
    "events:manage_walk_in": row(
        "L 403 403 403 403 403 200 200",
        "L 403 403 403 403 403 302 302",
        args=EVENT,
        data={"mode": "existing", "person": W("admin_person.pk")},
    ),
    "events:manage_move_up": row(NO_GET, "L 403 403 403 403 403 302 302", args=REGISTRATION),
    "events:manage_cancel_registration": row(
        NO_GET, "L 403 403 403 403 403 302 302", args=REGISTRATION
    ),
    "events:manage_checkin_toggle": row(
        NO_GET, "L 403 403 403 403 403 302 302", args=REGISTRATION, data={"checked_in": "1"}
    ),
    "events:manage_invite": row(
        "L 403 403 403 403 403 200 200", "L 403 403 403 403 403 400 400", args=EVENT
    ),
    "events:manage_invite_batch": row(
        "L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=BATCH
    ),
    "events:manage_invite_send": row(NO_GET, "L 403 403 403 403 403 302 302", args=BATCH),
    "events:manage_invite_discard": row(NO_GET, "L 403 403 403 403 403 302 302", args=BATCH),
    "events:manage_invitations": row(
        "L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT
    ),
    "events:manage_reminders": row("L 403 403 403 403 403 200 200", SIGNED_IN_NO_POST, args=EVENT),
    "events:manage_reminder_add": row(
        NO_GET, "L 403 403 403 403 403 302 302", args=EVENT, data={"amount": "2", "unit": "days"}
    ),
    "events:manage_reminder_remove": row(
        NO_GET,
        "L 403 403 403 403 403 302 302",
        args={"pk": "event.pk", "rule_pk": "reminder_rule.pk"},
    ),
    # --- Cooperations: listings -------------------------------------------------------------
    "cooperations:marketplace": row(EVERYBODY, NO_POST),
    # Django's syndication view answers any method; it only reads.
    "cooperations:feed": row(EVERYBODY, EVERYBODY),
    "cooperations:my_listings": row(SIGNED_IN, SIGNED_IN_NO_POST),
    # People of an organisation post (a partner's chamber too); others get a 403 page.
    "cooperations:listing_create": row(
        "L 403 200 200 200 403 403 403", "L 403 400 400 400 403 403 403"
    ),
    # ``listing`` is shared with ``network``: its members, partners and managers see it.
    "cooperations:listing": row("404 404 200 200 200 404 200 200", NO_POST, args=LISTING),
    "cooperations:listing_edit": row(
        "L 404 200 200 403 404 403 403", "L 404 400 400 403 404 403 403", args=LISTING
    ),
    "cooperations:listing_publish": row(NO_GET, "L 404 302 302 403 404 403 403", args=LISTING),
    "cooperations:listing_close": row(NO_GET, "L 404 302 302 403 404 403 403", args=LISTING),
    "cooperations:extend": row(EVERYBODY, EVERYBODY, args={"token": "tokens.listing_extension"}),
    # --- Cooperations: interests and introductions (a matter of the two sides) ----------------
    "cooperations:interest_create": row(
        "L 404 403 403 200 404 403 403",
        "L 404 403 403 302 404 403 403",
        args=LISTING,
        data={"organisation": W("chamber.pk"), "message": "Wir vermitteln gern."},
    ),
    "cooperations:interest": row(
        "L 404 200 200 404 404 404 404", SIGNED_IN_NO_POST, args={"pk": "interest.pk"}
    ),
    "cooperations:interest_answer": row(
        NO_GET, "L 404 403 302 404 404 404 404", args={"pk": "interest.pk"}, data=ACCEPT
    ),
    "cooperations:interest_withdraw": row(
        NO_GET, "L 404 403 403 404 404 404 404", args={"pk": "interest.pk"}
    ),
    "cooperations:introduction_create": row(
        "L 403 403 403 200 403 403 403", "L 403 403 403 400 403 403 403"
    ),
    "cooperations:introduction": row(
        "L 404 200 200 200 404 404 404", SIGNED_IN_NO_POST, args={"pk": "introduction.pk"}
    ),
    "cooperations:introduction_answer": row(
        NO_GET, "L 404 403 302 403 404 404 404", args={"pk": "introduction.pk"}, data=ACCEPT
    ),
    "cooperations:introduction_withdraw": row(
        NO_GET, "L 404 403 403 302 404 404 404", args={"pk": "introduction.pk"}
    ),
    "cooperations:mine": row(SIGNED_IN, SIGNED_IN_NO_POST),
    # An empty choice goes back to "My cooperations" with a message; nothing changes.
    "cooperations:digest_toggle": row(
        NO_GET,
        "L 302 302 302 302 302 302 302",
        data={"organisation": W("company.pk"), "subscribe": "0"},
    ),
    "cooperations:digest_unsubscribe": row(
        EVERYBODY, EVERYBODY, args={"token": "tokens.digest_unsubscribe"}
    ),
    # --- Cooperations: projects (``project`` is not published) ------------------------------
    "cooperations:projects": row(EVERYBODY, NO_POST),
    "cooperations:project_create": row(
        "L 403 403 200 403 200 200 200", "L 403 403 400 403 400 400 400"
    ),
    "cooperations:project_from_interest": row(
        "L 404 403 200 404 404 404 404",
        "L 404 403 400 404 404 404 404",
        args={"pk": "accepted_interest.pk"},
    ),
    "cooperations:project": row("404 404 200 200 404 404 200 200", NO_POST, args=PROJECT),
    "cooperations:project_edit": row(PROJECT_CHANGE_GET, PROJECT_CHANGE_POST, args=PROJECT),
    "cooperations:project_publication": row(
        NO_GET,
        "L 404 403 302 404 404 403 403",
        args=PROJECT,
        data={"organisation": W("company.pk"), "agreed": "yes"},
    ),
    "cooperations:funding_add": row(
        PROJECT_CHANGE_GET, PROJECT_CHANGE_DONE, args=PROJECT, data=FUNDING
    ),
    "cooperations:funding_edit": row(
        PROJECT_CHANGE_GET,
        PROJECT_CHANGE_DONE,
        args={**PROJECT, "pk": "funding.pk"},
        data=FUNDING,
    ),
    "cooperations:funding_remove": row(
        NO_GET, PROJECT_CHANGE_DONE, args={**PROJECT, "pk": "funding.pk"}
    ),
    "cooperations:milestone_add": row(
        PROJECT_CHANGE_GET, PROJECT_CHANGE_DONE, args=PROJECT, data=MILESTONE
    ),
    "cooperations:milestone_edit": row(
        PROJECT_CHANGE_GET,
        PROJECT_CHANGE_DONE,
        args={**PROJECT, "pk": "milestone.pk"},
        data=MILESTONE,
    ),
    "cooperations:milestone_done": row(
        NO_GET, PROJECT_CHANGE_DONE, args={**PROJECT, "pk": "milestone.pk"}, data={"done": "yes"}
    ),
    "cooperations:milestone_remove": row(
        NO_GET, PROJECT_CHANGE_DONE, args={**PROJECT, "pk": "milestone.pk"}
    ),
    "cooperations:partner_add": row(
        PROJECT_CHANGE_GET,
        PROJECT_CHANGE_DONE,
        args=PROJECT,
        data={"organisation": W("supplier.pk"), "role": "partner"},
    ),
    "cooperations:partner_remove": row(
        NO_GET, PROJECT_CHANGE_DONE, args={**PROJECT, "pk": "project_partner.pk"}
    ),
    "cooperations:network_add": row(
        PROJECT_CHANGE_GET,
        PROJECT_CHANGE_DONE,
        args=PROJECT,
        data={"network": W("other_network.pk"), "role": "partner"},
    ),
    "cooperations:network_remove": row(
        NO_GET, PROJECT_CHANGE_DONE, args={**PROJECT, "pk": "project_network.pk"}
    ),
    # --- Cooperations: the manager area -------------------------------------------------------
    "cooperations:manage_marketplace": row(MANAGER_AREA, SIGNED_IN_NO_POST),
    "cooperations:manage_export": row(MANAGER_AREA, SIGNED_IN_NO_POST, args={"what": "=angebote"}),
    "cooperations:manage_projects": row(MANAGER_AREA, SIGNED_IN_NO_POST),
}

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

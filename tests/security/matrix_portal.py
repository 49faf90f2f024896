"""The authorization matrix, part one: the portal shell, data protection, organisations,
their people, networks and the members' manager area.

The rows and their notation are explained in ``matrix.py``, which joins this table and
``matrix_activities.py`` into ``ROUTES``.
"""

from tests.security.rows import (
    CONTACT,
    EVERYBODY,
    MANAGER_AREA,
    NO_GET,
    NO_POST,
    ORG,
    SIGNED_IN,
    SIGNED_IN_NO_POST,
    Row,
    row,
)

PORTAL_ROUTES: dict[str, Row] = {
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
}

"""The authorization matrix, part two: events and cooperations (listings, interests,
introductions, projects and their manager areas).

The rows and their notation are explained in ``matrix.py``, which joins this table and
``matrix_portal.py`` into ``ROUTES``.
"""

from tests.security.rows import (
    ACCEPT,
    BATCH,
    EVENT,
    EVERYBODY,
    FUNDING,
    LISTING,
    MANAGER_AREA,
    MILESTONE,
    NO_GET,
    NO_POST,
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

ACTIVITY_ROUTES: dict[str, Row] = {
    # --- Events: public pages, registration ------------------------------------------------
    #                     anon out col oadm part xman man padm
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

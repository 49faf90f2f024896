"""Bench dataset, cooperations: 10,000 listings, 3,000 interests, 300 projects."""

import datetime as dt

from django.utils.text import slugify

from bench import words
from bench.copyrows import columns, copy_rows
from bench.dataset import World

LISTINGS = 10_000
INTERESTS = 3_000
PROJECTS = 300
LISTING_FIELDS = columns(
    "id organisation_id kind title summary description partner_kinds visibility "
    "valid_until status created_by_id published_at closed_at created_at updated_at"
)


def _listing_dates(world: World, status: str) -> tuple:
    """created, published, valid until, closed: consistent with the status."""
    rng, now = world.rng, world.now
    if status == "published":
        created = now - dt.timedelta(days=rng.randint(1, 350), minutes=rng.randint(0, 1440))
    else:
        created = now - dt.timedelta(days=rng.randint(400, 1100))
    published = created + dt.timedelta(hours=2) if status != "draft" else None
    valid = (published or created).date() + dt.timedelta(days=365)
    closed = created + dt.timedelta(days=rng.randint(10, 200)) if status == "closed" else None
    return created, published, valid, closed


def listings(world: World) -> None:
    from cooperations.models import Listing, Topic  # noqa: PLC0415

    rng, rows, topic_rows, sector_rows, region_rows, shared_rows = world.rng, [], [], [], [], []
    topics = list(Topic.objects.values_list("pk", flat=True))
    owners = world.companies * 9 + world.partners * 10
    published = []
    for listing_id in range(1, LISTINGS + 1):
        org_id = rng.choice(owners)
        sector = world.org_sector[org_id]
        status = rng.choices(("published", "expired", "closed", "draft"), (65, 15, 15, 5))[0]
        visibility = rng.choices(("public", "partners", "networks"), (75, 10, 15))[0]
        created, published_at, valid, closed = _listing_dates(world, status)
        title, summary, description = words.listing_text(rng, sector)
        rows.append(
            (
                listing_id,
                org_id,
                rng.choice(("offer", "request")),
                title,
                summary,
                description,
                [] if rng.random() < 0.8 else ["university", "research"],
                visibility,
                valid,
                status,
                world.admin_user[org_id],
                published_at,
                closed,
                created,
                created,
            )
        )
        for topic in rng.sample(topics, rng.randint(1, 2)):
            topic_rows.append((len(topic_rows) + 1, listing_id, topic))
        sector_rows.append((len(sector_rows) + 1, listing_id, world.sectors[sector]))
        for region in rng.sample(list(world.regions.values()), rng.randint(0, 2)):
            region_rows.append((len(region_rows) + 1, listing_id, region))
        if visibility == "networks":
            network = rng.choice(list(world.networks.values()))
            shared_rows.append((len(shared_rows) + 1, listing_id, network))
        if status == "published":
            published.append((listing_id, org_id))
    copy_rows(Listing, LISTING_FIELDS, rows)
    copy_rows(Listing.topics.through, ("id", "listing_id", "topic_id"), topic_rows)
    copy_rows(Listing.sectors.through, ("id", "listing_id", "sector_id"), sector_rows)
    copy_rows(Listing.regions.through, ("id", "listing_id", "region_id"), region_rows)
    copy_rows(Listing.shared_networks.through, ("id", "listing_id", "network_id"), shared_rows)
    world.landmarks["published_listings"] = published


INTEREST_FIELDS = columns(
    "id listing_id organisation_id user_id message status reply decided_at decided_by_id "
    "withdrawn_at created_at updated_at"
)


def interests(world: World) -> None:
    from cooperations.models import Interest  # noqa: PLC0415

    rng, rows, seen = world.rng, [], set()
    published = world.landmarks.pop("published_listings")
    senders = world.companies + world.partners
    while len(rows) < INTERESTS:
        listing_id, owner = rng.choice(published)
        org_id = rng.choice(senders)
        if org_id == owner or (listing_id, org_id) in seen:
            continue
        seen.add((listing_id, org_id))
        status = rng.choices(("pending", "accepted", "declined", "withdrawn"), (50, 25, 15, 10))[0]
        created = world.now - dt.timedelta(days=rng.randint(0, 300))
        decided = created + dt.timedelta(days=3) if status in ("accepted", "declined") else None
        rows.append(
            (
                len(rows) + 1,
                listing_id,
                org_id,
                world.admin_user[org_id],
                "Guten Tag, wir haben Interesse an einer Zusammenarbeit und freuen uns auf Ihre "
                f"Antwort. {words.sentence(rng, world.org_sector[org_id])}",
                status,
                "Vielen Dank, wir melden uns." if decided else "",
                decided,
                world.admin_user[owner] if decided else None,
                created + dt.timedelta(days=1) if status == "withdrawn" else None,
                created,
                created,
            )
        )
    copy_rows(Interest, INTEREST_FIELDS, rows)


def projects(world: World) -> None:
    from cooperations.models import (  # noqa: PLC0415
        Funding,
        Milestone,
        Project,
        ProjectNetwork,
        ProjectPartner,
        Topic,
    )

    rng = world.rng
    topics = list(Topic.objects.values_list("pk", flat=True))
    rows, partners, networks, fundings, milestones, slugs = [], [], [], [], [], set()
    for project_id in range(1, PROJECTS + 1):
        lead = rng.choice(world.companies)
        sector = world.org_sector[lead]
        title = f"{rng.choice(words.EVENT_TOPICS)}: {rng.choice(words.PRODUCTS[sector])}"
        slug = slugify(f"{title}-{project_id}")[:190]
        slugs.add(slug)
        starts = world.today - dt.timedelta(days=rng.randint(-90, 1500))
        ends = starts + dt.timedelta(days=rng.choice((365, 730, 1095)))
        status = rng.choice(("idea", "planning", "running", "completed"))
        created = world.now - dt.timedelta(days=rng.randint(1, 1600))
        rows.append(
            (
                project_id,
                title,
                slug,
                words.paragraph(rng, sector, 3),
                rng.choice(topics),
                status,
                lead,
                starts,
                ends,
                "Erfolgreich abgeschlossen." if status == "completed" else "",
                rng.random() < 0.3,
                world.admin_user[lead],
                created,
                created,
            )
        )
        members = [lead, *rng.sample(world.companies + world.partners, rng.randint(1, 3))]
        for org_id in dict.fromkeys(members):
            partners.append((len(partners) + 1, project_id, org_id, "partner", True))
        for index, network in enumerate(rng.sample(list(world.networks.values()), 2)):
            networks.append((len(networks) + 1, project_id, network, ("lead", "partner")[index]))
        if rng.random() < 0.4:
            fundings.append(
                (
                    len(fundings) + 1,
                    project_id,
                    "ZIM",
                    "BMWK",
                    rng.randint(50, 900) * 1000,
                    starts,
                    starts,
                    ends,
                )
            )
        for step in range(3):
            due = starts + dt.timedelta(days=120 * (step + 1))
            done = due < world.today
            milestones.append(
                (
                    len(milestones) + 1,
                    project_id,
                    f"Meilenstein {step + 1}",
                    due,
                    done,
                    due if done else None,
                )
            )
    copy_rows(
        Project,
        (
            "id",
            "title",
            "slug",
            "description",
            "topic_id",
            "status",
            "lead_organisation_id",
            "starts_on",
            "ends_on",
            "outcome",
            "is_public",
            "created_by_id",
            "created_at",
            "updated_at",
        ),
        rows,
    )
    copy_rows(
        ProjectPartner,
        ("id", "project_id", "organisation_id", "role", "agreed_to_publish"),
        partners,
    )
    copy_rows(ProjectNetwork, ("id", "project_id", "network_id", "role"), networks)
    copy_rows(
        Funding,
        columns("id project_id programme funder amount approved_on starts_on ends_on"),
        fundings,
    )
    copy_rows(Milestone, ("id", "project_id", "title", "due_on", "done", "done_on"), milestones)

"""The fuzz tests' portal, built and crawled once per module.

The world is created inside a transaction that stays open for the module and is rolled
back at its end (as the authorization matrix does); every fuzzed request runs in a
savepoint inside it. Crawling as every role finds the forms and pages to fuzz.
"""

from dataclasses import dataclass

import pytest
from django.db import transaction

from tests.conftest import build_world
from tests.security import fuzz_discovery, fuzz_world
from tests.security.fuzz_discovery import Site

CRAWLING_ROLES = ("owner", "manager", "partner", "outsider", "platform_admin")


@dataclass
class FuzzSite:
    users: dict  # role -> User (None: anonymous)
    site: Site


@pytest.fixture(scope="module")
def fuzz_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = fuzz_world.build(build_world())
            crawlers = {role: world.users[role] for role in (*CRAWLING_ROLES, "anonymous")}
            built = FuzzSite(users=world.users, site=fuzz_discovery.crawl(crawlers, world.seeds))
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)

"""One matrix world per test module: built once, every test runs in a savepoint of it.

The world is created inside a transaction that stays open for the module and is rolled
back at its end; pytest-django's ``db`` wraps each test in a savepoint inside it, so a
POST that an allowed role makes is undone before the next test.
"""

import pytest
from django.db import transaction

from tests.security import world as matrix_world_module


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = matrix_world_module.build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)

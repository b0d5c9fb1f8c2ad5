"""Shared fixtures: the site built once per test session, rows kept for a module, makers and products.

The test database gets the site (home page, the catalogue and makers sections, every locale and its
copies) once, right after its migrations. Each test runs in a transaction that rolls back to that
site; a module whose tests only read its makers and products builds them once with `module_db`.
Search indexing is off unless a test asks for it with the `search_index` fixture.
"""

import pytest

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from tests import factories, s3


class _Database:
    """What the test database holds between tests, and how it is brought to what the next test needs.

    Most tests run in a transaction that rolls back to the site built once per session. A
    transactional test (live server, concurrent webhooks) starts from the rows the migrations made,
    which `serialized_rollback` puts back, and empties the tables when it ends; pytest-django runs
    those tests last, but a pytest-xdist worker may be handed one in between.
    """

    def __init__(self):
        self.blocker = None
        self.migrated_rows = None  # the rows the migrations made, as Django serializes them
        self.is_empty = False
        self.next_is_transactional = False

    def build_site(self):
        with self.blocker.unblock():
            if self.is_empty:
                connection.creation.deserialize_db_from_string(self.migrated_rows)
            factories.build_site()
        self.is_empty = False

    def empty(self):
        # As Django empties the tables after a transactional test whose successor puts the
        # migrations' rows back itself: without post_migrate's rows, which come back with their ids.
        with self.blocker.unblock():
            call_command(
                "flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True
            )
        self.is_empty = True


_database = _Database()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrated test database with the site built into it, once per session."""
    _database.blocker = django_db_blocker
    with django_db_blocker.unblock():
        _database.migrated_rows = connection.creation.serialize_db_to_string()
    if not _database.next_is_transactional:  # which would put the migrations' rows back over it
        _database.build_site()


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    flags = marker.kwargs if marker else {}
    return bool(
        flags.get("transaction")
        or flags.get("reset_sequences")
        or {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


def _uses_database(item):
    return item.get_closest_marker("django_db") or "db" in getattr(item, "fixturenames", ())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures: the site for a test in a transaction, empty tables for a
    transactional one."""
    _database.next_is_transactional = _is_transactional(item)
    if _database.blocker is not None:  # the test database exists
        if _database.next_is_transactional:
            if connection.in_atomic_block:
                pytest.fail(
                    f"{item.nodeid} commits for real, but rows kept for its module (module_db) are "
                    "still open in a transaction: move it to a module of its own"
                )
            if not _database.is_empty:
                _database.empty()
        elif _uses_database(item) and _database.is_empty:
            _database.build_site()
    yield
    if _database.next_is_transactional:
        _database.is_empty = True  # as its teardown leaves the tables


def pytest_collection_modifyitems(config, items):
    """Leave out the tests of PostgreSQL-only code when the tests run on SQLite: there they would
    pass without running the code they are about."""
    if connection.vendor == "postgresql":
        return
    elsewhere = [item for item in items if item.get_closest_marker("postgresql")]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches: ids repeat after a rollback, so cached renditions,
    rate-limit counters and the like must not leak from one test into the next."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around a whole module, rolled back when the module ends.

    Module-scoped fixtures that depend on it make rows every test of the module sees; each test's
    own transaction is a savepoint inside it, so a test's changes roll back to those rows. The
    module's tests must use the database (`pytestmark = pytest.mark.django_db`), which also tells
    pytest-django to create it.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        for cache in caches.all(initialized_only=True):
            cache.clear()


@pytest.fixture
def search_index(settings, db):
    """Pages in the search index as on the site: what exists now is indexed, then each page as it
    is saved (the test settings leave indexing off)."""
    settings.WAGTAILSEARCH_BACKENDS = factories.search_backends(auto_update=True)
    call_command("update_index", verbosity=0)


@pytest.fixture(scope="module")
def module_search_index(module_db):
    """`search_index` for a whole module whose rows are built once (`module_db`): what exists is
    indexed once, and every page saved later in the module (in a fixture or a test) as it is saved.
    A test's own pages leave the index again when its transaction rolls back."""
    with override_settings(WAGTAILSEARCH_BACKENDS=factories.search_backends(auto_update=True)):
        call_command("update_index", verbosity=0)
        yield


@pytest.fixture
def site_tree(db):
    home, products, makers = factories.site()
    return {"home": home, "products": products, "makers": makers}


@pytest.fixture(scope="module")
def shop(module_db):
    """The maker and product most tests need, built once per module (see `vendor` and `product`)."""
    _home, _products, makers = factories.site()
    vendor = factories.make_vendor(
        makers, "Atelier Kabut Porselen", district="lowokwaru", contact_email="owner@kabut-porselen.example"
    )
    product = factories.make_product(
        vendor,
        "Hand-painted porcelain aroma burner",
        summary="Tea-light aromatherapy burner in white Malang porcelain",
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
    )
    return {"vendor": vendor, "product": product}


@pytest.fixture
def vendor(site_tree, shop):
    return factories.fresh(shop["vendor"])


@pytest.fixture
def product(vendor, shop):
    return factories.fresh(shop["product"])


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on 127.0.0.1, started the first time a test asks and stopped at the end."""
    try:
        with s3.moto_server() as endpoint:
            yield endpoint
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture
def s3_client(s3_endpoint):
    return s3.client_for(s3_endpoint)


@pytest.fixture
def bucket(s3_client):
    """A new, empty bucket for each test, so what a test finds in it is what the test put there."""
    return s3.new_bucket(s3_client)

"""Buyers' pages keep answering while a long write (a bulk import, a big publish) holds the database.

On SQLite that takes write-ahead logging (`PRAGMA journal_mode=WAL` in the settings): with SQLite's
default rollback journal, a writer whose changes no longer fit in its page cache locks the whole
file, and every page that reads it waits and then fails with "database is locked". PostgreSQL
behaves so by itself; the test runs on both.

The writer commits for real in a thread of its own, so this is a transactional test.
"""

import threading

import pytest

from django.db import connection, transaction

from tests import factories

ROWS = 2000  # about 8 MB: far more than the writer's page cache holds


class RolledBack(Exception):
    pass


def hold_a_long_write(started, finished, problems):
    """Write more than fits in memory in one transaction, and keep it open until told to finish."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                if connection.vendor == "sqlite":
                    # Pages spill to the file at once, as in a big import.
                    cursor.execute("PRAGMA cache_size = 10")
                cursor.execute("CREATE TABLE long_write_probe (payload TEXT)")
                cursor.executemany(
                    "INSERT INTO long_write_probe (payload) VALUES (%s)", [("x" * 4000,)] * ROWS
                )
            started.set()
            finished.wait(timeout=30)
            raise RolledBack
    except RolledBack:
        pass
    except Exception as error:  # noqa: BLE001 - reported to the test
        problems.append(error)
        started.set()
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_answers_while_another_connection_holds_a_long_write(client):
    home, _products, _makers = factories.site()
    assert client.get(home.url).status_code == 200  # a site in use: its settings rows are made
    started, finished, problems = threading.Event(), threading.Event(), []
    writer = threading.Thread(target=hold_a_long_write, args=(started, finished, problems))
    writer.start()
    try:
        assert started.wait(timeout=30)
        assert not problems, problems
        client.raise_request_exception = False
        response = client.get(home.url)
        assert response.status_code == 200
        assert home.title in response.content.decode()
    finally:
        finished.set()
        writer.join()
    assert not problems, problems

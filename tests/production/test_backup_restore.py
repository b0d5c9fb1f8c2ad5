"""The backup and restore of docs/deploy.md, run as written: the nightly dump, a restore into a new
database, and a restore over an existing one. Every table comes back with every row.

The commands are read from the guide itself, so a guide that stops working fails here. The test
commits for real (pg_dump reads from another connection), so it lives in a module of its own.
"""

import os
import re
import shlex
import subprocess
import uuid
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from catalog.models import ProductPage
from inquiries.models import Inquiry
from orders.models import SampleOrder, ShippingZone
from tests.orders.conftest import CONTACT, build_two_makers
from tests.orders.test_checkout import fill_box

pytestmark = pytest.mark.postgresql

GUIDE = Path(settings.BASE_DIR) / "docs" / "deploy.md"


def documented_commands():
    """The guide's dump command (from the cron line) and its two restore commands, as argv lists."""
    text = GUIDE.read_text()
    section = text[text.index("## 8. Backups") : text.index("## 9.")]
    cron = re.search(r"^\s*\S+ \S+ \* \* \* postgres (pg_dump .+?) &&", section, re.MULTILINE)
    new = re.search(r"^\s*createdb (\S+) && (pg_restore .+)$", section, re.MULTILINE)
    over = re.search(r"^\s*# or over the live database: (pg_restore .+)$", section, re.MULTILINE)
    assert cron and new and over, "docs/deploy.md no longer shows the dump and restore commands"
    # The dump's file name is dated by the shell at run time ("$(date +\\%F)" in cron's escaping).
    dump = re.sub(r"--file=(?:[^\s$]|\$\([^)]*\))+", "--file=etalase-YYYY-MM-DD.dump", cron.group(1))
    return shlex.split(dump), new.group(1), shlex.split(new.group(2)), shlex.split(over.group(1))


def with_names(argv, names):
    """The command with the guide's database and file names replaced by the test's own."""
    result = []
    for word in argv:
        for theirs, ours in names.items():
            word = re.sub(rf"(?<![\w-]){re.escape(theirs)}(?![\w-])", ours, word)
        result.append(word)
    return result


def run(argv):
    database = connection.settings_dict
    environment = {
        **os.environ,
        "PGHOST": database["HOST"] or "127.0.0.1",
        "PGPORT": str(database["PORT"] or 5432),
        "PGUSER": database["USER"] or "postgres",
        "PGPASSWORD": database["PASSWORD"] or "",
    }
    finished = subprocess.run(argv, env=environment, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, f"{shlex.join(argv)} failed:\n{finished.stderr}"


def row_counts(database_name):
    """Rows in every table of the public schema, by table."""
    database = connection.settings_dict
    with psycopg.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        user=database["USER"] or "postgres",
        password=database["PASSWORD"] or None,
        dbname=database_name,
        autocommit=True,
    ) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[
                0
            ]
            for table in tables
        }


@pytest.fixture
def restored_name():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    yield name
    run(["dropdb", "--if-exists", "--force", name])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_documented_backup_restores_every_row_into_a_new_database_and_over_it(
    tmp_path, restored_name, settings
):
    # A shop with what buyers leave behind: an inquiry and a sample order.
    settings.STRIPE_SECRET_KEY = ""
    ShippingZone.objects.create(name="Rest of world", flat_rate=4500, is_default=True)
    makers = build_two_makers()
    buyer = Client()
    fill_box(buyer, makers)
    assert buyer.post("/en/samples/checkout/", CONTACT).status_code == 302
    inquiry = {
        "name": "Aiko Tanaka",
        "company": "Tanaka Trading",
        "email": "aiko@tanaka.example",
        "country": "JP",
        "phone": "+81 3 1234 5678",
        "quantity": "200",
        "unit": "pieces",
        "target_price": "3.10",
        "incoterm": "FOB",
        "destination": "Osaka, JP",
        "message": "Please quote 200 pieces delivered FOB Surabaya in March.",
        "website": "",
    }
    response = buyer.post(f"/en/inquiries/new/?product={makers['burner'].pk}", inquiry)
    assert response.status_code == 302, response.content[:2000]
    assert Inquiry.objects.count() == 1 and SampleOrder.objects.count() == 1

    dump, guide_restored_name, restore_new, restore_over = documented_commands()
    source = connection.settings_dict["NAME"]
    dump_file = str(tmp_path / "nightly.dump")
    names = {guide_restored_name: restored_name, "etalase-YYYY-MM-DD.dump": dump_file}
    run(with_names(dump, {**names, "etalase": source}))
    expected = row_counts(source)
    assert expected["catalog_productpage"] == ProductPage.objects.count() > 0

    run(["createdb", restored_name])
    run(with_names(restore_new, names))
    assert row_counts(restored_name) == expected

    # Over an existing database: the same rows again, none twice.
    run(with_names(restore_over, {**names, "etalase": restored_name}))
    assert row_counts(restored_name) == expected

    # The guide's last step, for the pages cached before the restore.
    output = StringIO()
    call_command("purge_page_cache", stdout=output)
    assert "purged" in output.getvalue()

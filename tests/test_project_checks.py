"""Django's system checks and the migrations check, run inside the test workers.

`make test` used to start Django once for each of them before the tests; here they share the
workers' start-up.
"""

from io import StringIO

import pytest

from django.core.management import call_command


def test_system_checks_find_nothing():
    call_command("check", stdout=StringIO())  # raises SystemCheckError on any error


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = StringIO()
    # --check exits (SystemExit) when a model change has no migration.
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()

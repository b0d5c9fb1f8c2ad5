"""`manage.py import_catalog FILE… [--dry-run]`: makers and products from XLSX or CSV (docs/import.md)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from catalog.import_template import write_template
from catalog.importer import PRODUCTS, VENDORS, CatalogImporter, ImportFileError, read_sheets


class Command(BaseCommand):
    help = (
        "Create or update makers (by NIB) and products (by maker NIB + SKU) from one .xlsx file with "
        "sheets “vendors” and “products”, or from vendors.csv and products.csv (or a directory holding "
        "them). See docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="an .xlsx file, CSV files, or a directory of CSV files")
        parser.add_argument("--dry-run", action="store_true", help="check every row and report; save nothing")
        parser.add_argument(
            "--write-template",
            metavar="PATH",
            dest="template_path",
            help="write an empty template (.xlsx, or a directory for the two CSV files) and stop",
        )
        parser.add_argument("--progress-every", type=int, default=100, help="rows between progress lines")

    def handle(self, *args, files, dry_run, template_path=None, progress_every=100, **options):
        if template_path:
            for path in write_template(template_path):
                self.stdout.write(_("Wrote %(path)s") % {"path": path})
            return
        if not files:
            raise CommandError(_("Give the file(s) to import, or --write-template PATH."))
        started = time.monotonic()
        try:
            sheets = read_sheets(files)
            report = CatalogImporter(
                dry_run=dry_run, progress=self._progress, progress_every=progress_every
            ).run(sheets)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        rows = sum(len(rows) for rows in sheets.values())

        for sheet, line, reason in report.rejected:
            self.stdout.write(f"{sheet}:{line}: {reason}")
        if dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was saved.")))
        for sheet in (VENDORS, PRODUCTS):
            result = report.sheets[sheet]
            self.stdout.write(
                _(
                    "%(sheet)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                    "%(rejected)s rejected"
                )
                % {
                    "sheet": sheet,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "rejected": len(result.rejected),
                }
            )
        self.stdout.write(
            _("%(rows)s rows in %(seconds).1f s (%(rate).0f rows/s).")
            % {"rows": rows, "seconds": elapsed, "rate": rows / elapsed if elapsed else 0}
        )

    def _progress(self, sheet, done, total):
        self.stderr.write(f"{sheet}: {done}/{total}")

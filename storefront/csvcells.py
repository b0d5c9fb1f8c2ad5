"""One guard for every cell the admin exports to a spreadsheet: text that would run as a formula stays text.

Buyers' names and companies come from anonymous forms and makers write their own titles; a cell
starting with = + - @ (or a tab or carriage return before one) is run as a formula by Excel,
LibreOffice and Google Sheets when a CSV is opened, so it is written with a leading apostrophe.
"""

from wagtail.snippets.views.snippets import IndexView as WagtailSnippetIndexView

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value):
    """`value`, or for text a spreadsheet would run as a formula, the same text marked as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeSpreadsheetExportMixin:
    """For a Wagtail index view with `list_export`: every CSV cell goes through `safe_cell`.

    XLSX cells need no apostrophe: Wagtail writes text as text cells (a formula-looking one too),
    which a spreadsheet displays and never runs.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return safe_cell(value)
        return value


class SnippetIndexView(SafeSpreadsheetExportMixin, WagtailSnippetIndexView):
    """The index view for every SnippetViewSet with `list_export` (`index_view_class = SnippetIndexView`)."""

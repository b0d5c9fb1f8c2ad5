"""A report's tables as one CSV file (one block per table) or one XLSX workbook (one sheet per table).

CSV cells go through storefront.csvcells.safe_cell, so a maker's or buyer's text that starts like a
formula stays text. In the workbook every text cell is written as text (openpyxl would otherwise
store a string starting with "=" as a formula).
"""

import csv
import io
import re

from openpyxl import Workbook

from django.http import HttpResponse

from storefront.csvcells import safe_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def section_rows(section):
    """The heading row and the data rows of one table, as plain values (figures stay numbers)."""
    yield [str(section.label_heading), *(str(column) for column in section.columns)]
    for label, values in section.rows:
        yield [str(label), *values]


def csv_response(sections, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    for index, section in enumerate(sections):
        if index:
            writer.writerow([])
        writer.writerow(safe_row([str(section.title)]))
        for row in section_rows(section):
            writer.writerow(safe_row(["" if value is None else value for value in row]))
    return response


def _sheet_title(title, used):
    name = re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31].strip() or "Sheet"
    base, number = name, 2
    while name in used:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(name)
    return name


def xlsx_response(sections, filename):
    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    for section in sections:
        sheet = workbook.create_sheet(_sheet_title(section.title, used))
        for row_number, row in enumerate(section_rows(section), start=1):
            for column_number, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column_number, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response

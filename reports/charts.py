"""Horizontal bar charts drawn on the server as SVG: readable without JavaScript, titled for screen readers.

`bar_chart` only measures; reports/includes/bar_chart.html draws, so every label is escaped.
"""

from decimal import Decimal

from django.utils.formats import number_format

WIDTH = 720
LABEL_WIDTH = 230
VALUE_WIDTH = 80
ROW_HEIGHT = 24
BAR_HEIGHT = 16
PADDING = 6
LABEL_CHARS = 34


def display(value, unit=""):
    """A figure as the table shows it, in the active language's number format; None is a dash."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):  # money: two decimals
        return f"{number_format(value, decimal_pos=2, use_l10n=True)}{unit}"
    if not isinstance(value, int | float):
        return str(value)
    text = number_format(value, decimal_pos=1 if isinstance(value, float) else None, use_l10n=True)
    return f"{text}{unit}"


COLOURS = [
    "#2e6f9e",
    "#b4621b",
    "#4d7c2f",
    "#7a4a9e",
]  # one per figure drawn in a table, told apart by the caption


def bar_chart(chart_id, title, rows, unit="", maximum=None, caption="", colour=COLOURS[0]):
    """Geometry of one chart: `rows` are (label, figure) pairs; a figure of None draws no bar."""
    values = [value for _label, value in rows if value is not None]
    scale = maximum or max(values, default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, value) in enumerate(rows):
        top = PADDING + index * ROW_HEIGHT
        length = round(span * (value or 0) / scale, 1) if value else 0
        label = str(label)
        bars.append(
            {
                "label": label,
                "short_label": label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…",
                "display": display(value, unit),
                "bar_y": top + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                "text_y": top + ROW_HEIGHT // 2 + 4,
                "width": length,
                "value_x": round(LABEL_WIDTH + length + 6, 1),
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "caption": caption,
        "colour": colour,
        "bars": bars,
        "width": WIDTH,
        "height": PADDING * 2 + ROW_HEIGHT * max(len(rows), 1),
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "axis_x": LABEL_WIDTH,
    }


CHART_ROWS = 30  # a chart of thousands of makers says nothing and weighs megabytes: the table has them all


def section_charts(section):
    """The charts of one report table (`queries.Section`): one per column it draws, of its first
    CHART_ROWS rows (the tables are ranked, so the largest figures)."""
    charts = []
    for number, column in enumerate(section.charts):
        rows = [(label, values[column]) for label, values in section.rows[:CHART_ROWS]]
        charts.append(
            bar_chart(
                f"chart-{section.key}-{column}",
                f"{section.title}: {section.columns[column]}",
                rows,
                unit=section.units.get(column, ""),
                maximum=section.maxima.get(column),
                caption=section.columns[column],
                colour=COLOURS[number % len(COLOURS)],
            )
        )
    return charts


def section_table(section):
    """The table's rows with each figure as the page shows it."""
    return [
        (label, [display(value, section.units.get(index, "")) for index, value in enumerate(values)])
        for label, values in section.rows
    ]

"""Charts drawn on the server as accessible inline SVG: no JavaScript, nothing from elsewhere.

A ``Chart`` holds its bars; ``chart.svg`` draws it. The SVG is an image with a title and a
description (``role="img"``) that names every value; the page shows the same figures as a
table next to it (``templates/members/manage/_chart.html``). Colours keep a contrast of at
least 4.5:1 on white for text and 3:1 for bars.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_COLOUR = "#0b4f8a"  # the portal's brand blue: 8.6:1 on white
TEXT_COLOUR = "#1b2430"  # 15:1 on white
MUTED_COLOUR = "#4a5563"  # 7.5:1 on white
AXIS_COLOUR = "#6b7785"  # 4.6:1 on white
WIDTH = 320  # small units: the text stays legible when a phone shrinks the chart

# Horizontal bars: a label line above each bar.
ROW_HEIGHT = 46
LABEL_SIZE = 14
BAR_HEIGHT = 18
VALUE_ROOM = 44

# Columns (one per month).
COLUMN_PLOT_HEIGHT = 120
COLUMN_TOP = 20
COLUMN_BOTTOM = 38
COLUMN_LABEL_SIZE = 12


@dataclass(frozen=True)
class Bar:
    """One value. ``short_label`` is drawn under a column (e.g. "Nov"), ``note`` below it
    (e.g. the year); the table and the description use the full ``label``."""

    label: str
    value: int
    short_label: str = ""
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """A bar chart (``kind`` "bars", horizontal) or a column chart (``kind`` "columns")."""

    chart_id: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    bars: tuple[Bar, ...] = field(default_factory=tuple)
    kind: str = "bars"
    empty_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)

    @property
    def summary(self) -> str:
        """The description plus every value, for screen readers."""
        values = "; ".join(f"{bar.label}: {bar.value}" for bar in self.bars)
        return f"{self.description} {values}".strip() if values else str(self.description)

    @cached_property
    def svg(self) -> SafeString:
        if self.kind == "columns":
            return column_chart_svg(self)
        return bar_chart_svg(self)


def bar_chart_svg(chart: Chart) -> SafeString:
    """Horizontal bars, one row each: the label, then the bar with its value at its end."""
    largest = max((bar.value for bar in chart.bars), default=0)
    height = max(len(chart.bars), 1) * ROW_HEIGHT + 8
    rows = [_bar_row(bar, index=index, largest=largest) for index, bar in enumerate(chart.bars)]
    if not rows:
        rows = [_text(chart.empty_text, x=0, y=LABEL_SIZE + 8, colour=MUTED_COLOUR)]
    return _svg(chart, height=height, body="".join(rows))


def _bar_row(bar: Bar, *, index: int, largest: int) -> str:
    top = index * ROW_HEIGHT
    bar_top = top + LABEL_SIZE + 8
    length = _scaled(bar.value, largest=largest, room=WIDTH - VALUE_ROOM)
    return (
        f'<g class="chart-bar">'
        f"{_text(bar.label, x=0, y=top + LABEL_SIZE + 2)}"
        f'<rect x="0" y="{bar_top}" width="{length}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}">'
        f"<title>{escape(bar.label)}: {bar.value}</title></rect>"
        f"{_text(str(bar.value), x=length + 6, y=bar_top + BAR_HEIGHT - 4, bold=True)}"
        f"</g>"
    )


def column_chart_svg(chart: Chart) -> SafeString:
    """Vertical columns side by side, the value above each, its short label below."""
    count = max(len(chart.bars), 1)
    largest = max((bar.value for bar in chart.bars), default=0)
    slot = WIDTH / count
    baseline = COLUMN_TOP + COLUMN_PLOT_HEIGHT
    body = [
        _column(bar, centre=slot * index + slot / 2, width=slot * 0.6, largest=largest)
        for index, bar in enumerate(chart.bars)
    ]
    body.append(
        f'<line x1="0" y1="{baseline}" x2="{WIDTH}" y2="{baseline}" '
        f'stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    )
    return _svg(chart, height=baseline + COLUMN_BOTTOM, body="".join(body))


def _column(bar: Bar, *, centre: float, width: float, largest: int) -> str:
    baseline = COLUMN_TOP + COLUMN_PLOT_HEIGHT
    length = _scaled(bar.value, largest=largest, room=COLUMN_PLOT_HEIGHT)
    left = _number(centre - width / 2)
    return (
        f'<g class="chart-bar">'
        f'<rect x="{left}" y="{baseline - length}" width="{_number(width)}" '
        f'height="{length}" fill="{BAR_COLOUR}">'
        f"<title>{escape(bar.label)}: {bar.value}</title></rect>"
        f"{_small_text(str(bar.value), x=centre, y=baseline - length - 5, bold=True)}"
        f"{_small_text(bar.short_label or bar.label, x=centre, y=baseline + 16)}"
        f"{_small_text(bar.note, x=centre, y=baseline + 32, colour=MUTED_COLOUR)}"
        f"</g>"
    )


def _svg(chart: Chart, *, height: int, body: str) -> SafeString:
    title_id, desc_id = f"{chart.chart_id}-title", f"{chart.chart_id}-desc"
    # every text above went through escape()
    return mark_safe(  # noqa: S308  # nosec B308, B703
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" '
        f'font-family="system-ui, sans-serif" font-size="{LABEL_SIZE}">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.summary)}</desc>'
        f"{body}</svg>"
    )


def _text(
    content: str,
    *,
    x: float,
    y: float,
    anchor: str = "start",
    colour: str = TEXT_COLOUR,
    bold: bool = False,
) -> str:
    if not content:
        return ""
    weight = ' font-weight="600"' if bold else ""
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="{anchor}" '
        f'fill="{colour}"{weight}>{escape(content)}</text>'
    )


def _small_text(content: str, *, x: float, y: float, **style) -> str:
    """Centred text of a column chart, a little smaller so twelve labels fit."""
    text = _text(content, x=x, y=y, anchor="middle", **style)
    return text.replace("<text ", f'<text font-size="{COLUMN_LABEL_SIZE}" ', 1)


def _scaled(value: int, *, largest: int, room: float) -> float:
    """The length of a bar; a value above zero is never drawn thinner than 2 units."""
    if value <= 0 or largest <= 0:
        return 0
    return _number(max(value / largest * room, 2))


def _number(value: float) -> float | int:
    rounded = round(value, 1)
    return int(rounded) if rounded == int(rounded) else rounded

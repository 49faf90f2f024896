"""Charts drawn on the server (members.charts): bars, labels, title, description, table."""

import xml.etree.ElementTree as ET

from django.template.loader import render_to_string

from members.charts import (
    BAR_COLOUR,
    COLUMN_PLOT_HEIGHT,
    VALUE_ROOM,
    WIDTH,
    Bar,
    Chart,
    bar_chart_svg,
    column_chart_svg,
)

SVG = "{http://www.w3.org/2000/svg}"


def regions_chart(*bars: Bar) -> Chart:
    return Chart(
        chart_id="chart-regions",
        title="Mitglieder nach Region",
        description="Mitgliedsorganisationen je Region.",
        label_heading="Region",
        value_heading="Mitglieder",
        bars=bars,
        empty_text="Noch keine Mitglieder.",
    )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own markup


def bars_of(root: ET.Element) -> list[tuple[str, float]]:
    """(title of the bar, drawn length) for each bar: width for bars, height for columns."""
    return [
        (rect.find(f"{SVG}title").text, float(rect.get("width")), float(rect.get("height")))
        for rect in root.iter(f"{SVG}rect")
    ]


def texts_of(root: ET.Element) -> list[str]:
    return [text.text for text in root.iter(f"{SVG}text")]


def test_bar_chart_draws_one_bar_per_value_scaled_to_the_largest():
    chart = regions_chart(Bar("Bochum", 12), Bar("Dortmund", 6), Bar("Hagen", 3))

    root = parse(bar_chart_svg(chart))

    lengths = [(title, width) for title, width, _height in bars_of(root)]
    room = WIDTH - VALUE_ROOM
    assert lengths == [("Bochum: 12", room), ("Dortmund: 6", room / 2), ("Hagen: 3", room / 4)]
    assert texts_of(root) == ["Bochum", "12", "Dortmund", "6", "Hagen", "3"]
    assert {rect.get("fill") for rect in root.iter(f"{SVG}rect")} == {BAR_COLOUR}


def test_chart_is_an_image_with_title_and_description_naming_every_value():
    chart = regions_chart(Bar("Bochum", 12), Bar("Ennepe-Ruhr-Kreis", 1))

    root = parse(chart.svg)

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-regions-title chart-regions-desc"
    assert root.find(f"{SVG}title").get("id") == "chart-regions-title"
    assert root.find(f"{SVG}title").text == "Mitglieder nach Region"
    assert root.find(f"{SVG}desc").text == (
        "Mitgliedsorganisationen je Region. Bochum: 12; Ennepe-Ruhr-Kreis: 1"
    )


def test_bar_chart_draws_zero_as_no_bar_and_a_small_value_visibly():
    chart = regions_chart(Bar("Bochum", 1000), Bar("Herne", 1), Bar("Hagen", 0))

    lengths = [width for _title, width, _height in bars_of(parse(chart.svg))]

    assert lengths == [WIDTH - VALUE_ROOM, 2, 0]


def test_bar_chart_escapes_labels():
    chart = regions_chart(Bar("Müller & Söhne <GmbH>", 2))

    svg = str(chart.svg)

    assert "Müller &amp; Söhne &lt;GmbH&gt;" in svg
    assert texts_of(parse(svg))[0] == "Müller & Söhne <GmbH>"


def test_bar_chart_without_values_says_so():
    chart = regions_chart()

    root = parse(chart.svg)

    assert chart.is_empty
    assert bars_of(root) == []
    assert texts_of(root) == ["Noch keine Mitglieder."]


def month_chart(values: list[int]) -> Chart:
    months = ["Dezember", "Januar", "Februar"]
    return Chart(
        chart_id="chart-months",
        title="Neue Mitglieder je Monat",
        description="Neue Mitglieder.",
        label_heading="Monat",
        value_heading="Neue Mitglieder",
        bars=tuple(
            Bar(
                f"{month} 2026",
                value,
                short_label=month[:3],
                note="2027" if month == "Januar" else "",
            )
            for month, value in zip(months, values, strict=True)
        ),
        kind="columns",
    )


def test_column_chart_draws_columns_with_values_and_short_labels():
    root = parse(column_chart_svg(month_chart([4, 0, 2])))

    heights = [(title, height) for title, _width, height in bars_of(root)]
    full = COLUMN_PLOT_HEIGHT
    assert heights == [
        ("Dezember 2026: 4", full),
        ("Januar 2026: 0", 0),
        ("Februar 2026: 2", full / 2),
    ]
    assert texts_of(root) == ["4", "Dez", "0", "Jan", "2027", "2", "Feb"]
    assert len(list(root.iter(f"{SVG}line"))) == 1  # the baseline


def test_chart_partial_shows_svg_and_the_figures_as_table():
    chart = regions_chart(Bar("Bochum", 12), Bar("Dortmund", 6))

    html = render_to_string("members/manage/_chart.html", {"chart": chart})

    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"' in html
    assert "<details" in html
    assert "<caption>Mitglieder nach Region</caption>" in html
    assert '<th scope="col">Region</th><th scope="col" class="number">Mitglieder</th>' in html
    assert '<tr><th scope="row">Bochum</th><td class="number">12</td></tr>' in html
    assert '<tr><th scope="row">Dortmund</th><td class="number">6</td></tr>' in html


def test_chart_partial_without_members_shows_text_instead_of_chart():
    html = render_to_string("members/manage/_chart.html", {"chart": regions_chart()})

    assert "Noch keine Mitglieder." in html
    assert "<svg" not in html
    assert "<table" not in html


def test_chart_partial_with_only_zero_months_shows_text():
    chart = Chart(**{**month_chart([0, 0, 0]).__dict__, "empty_text": "Keine neuen Mitglieder."})

    html = render_to_string("members/manage/_chart.html", {"chart": chart})

    assert "Keine neuen Mitglieder." in html
    assert "<svg" not in html

"""Horizontal bar charts in the admin: each bar's length is its figure's share of the largest.

bar_lengths is the one scaling rule; the statistics page draws its bars as CSS widths in
percent with it, bar_chart lays out the inline SVG charts of the freshmen party with it, and
figure_chart those of the annual report (a year beside the year before).
"""

# The SVG chart's geometry, in user units.
LABEL_WIDTH, BAR_WIDTH, ROW = 220, 360, 22


def bar_lengths(counts, *, full, largest=None, digits=None):
    """Each count's bar length, `largest` (else the largest count) filling `full`; 0 if none."""
    if largest is None:
        largest = max(counts, default=0)
    return [round(count * full / largest, digits) if largest else 0 for count in counts]


def bar_chart(figures, *, label_width=LABEL_WIDTH):
    """Rows of an inline SVG bar chart: each figure's count, and inside it its checked-in part."""
    counts = [figure.count for figure in figures]
    widths = bar_lengths(counts, full=BAR_WIDTH, digits=1)
    checked_in = bar_lengths(
        [figure.checked_in for figure in figures],
        full=BAR_WIDTH,
        largest=max(counts, default=0),
        digits=1,
    )
    rows = [
        {
            "figure": figure,
            "y": index * ROW,
            "text_y": index * ROW + ROW * 0.68,
            "width": width,
            "checked_in_width": inside,
            "value_x": label_width + width + 6,
        }
        for index, (figure, width, inside) in enumerate(zip(figures, widths, checked_in))
    ]
    return {
        "rows": rows,
        "height": max(len(rows), 1) * ROW,
        "width": label_width + BAR_WIDTH + 60,
        "label_width": label_width,
        "bar_height": ROW - 6,
    }


def figure_chart(rows, *, label_width=LABEL_WIDTH):
    """An inline SVG chart of figures, each with last year's figure as a thinner bar under it.

    `rows` are dicts with label, value and optionally previous and href; the template
    events/admin/_figure_chart.html draws the SVG and the same figures as a data table.
    """
    values = [row["value"] for row in rows]
    previous = [row.get("previous") or 0 for row in rows]
    largest = max(values + previous, default=0)
    widths = bar_lengths(values, full=BAR_WIDTH, largest=largest, digits=1)
    before = bar_lengths(previous, full=BAR_WIDTH, largest=largest, digits=1)
    laid_out = [
        {
            **row,
            "y": index * ROW,
            "text_y": index * ROW + ROW * 0.6,
            "width": width,
            "previous_width": old,
            "value_x": label_width + max(width, old) + 6,
        }
        for index, (row, width, old) in enumerate(zip(rows, widths, before))
    ]
    return {
        "rows": laid_out,
        "height": max(len(rows), 1) * ROW,
        "width": label_width + BAR_WIDTH + 60,
        "label_width": label_width,
        "bar_height": ROW * 0.55,
        "previous_y": ROW * 0.55,
        "previous_height": ROW * 0.25,
    }

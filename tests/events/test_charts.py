from types import SimpleNamespace

from events.charts import BAR_WIDTH, bar_chart, bar_lengths


def test_bar_lengths_give_the_largest_count_the_full_length():
    assert bar_lengths([2, 0, 1], full=100) == [100, 0, 50]
    assert bar_lengths([3, 1], full=100) == [100, 33]


def test_bar_lengths_measure_against_a_given_largest_and_keep_digits():
    assert bar_lengths([1, 2], full=360, largest=3, digits=1) == [120.0, 240.0]


def test_bar_lengths_are_zero_when_nothing_was_counted():
    assert bar_lengths([0, 0], full=100) == [0, 0]
    assert bar_lengths([], full=100) == []


def test_bar_chart_draws_checked_in_inside_the_registered_bar():
    figures = [SimpleNamespace(label="VN", count=4, checked_in=2)]

    [row] = bar_chart(figures)["rows"]

    assert (row["width"], row["checked_in_width"]) == (BAR_WIDTH, BAR_WIDTH / 2)

import datetime as dt

import pytest

from transforms.incidents.dates import find_dates, local_date

ANCHOR = dt.date(2025, 5, 14)  # a Wednesday


def _first(text, anchor=ANCHOR, published=True):
    spans = find_dates(text, anchor, published)
    return (spans[0].date, spans[0].precision) if spans else None


@pytest.mark.parametrize("text, expected", [
    ("on October 8", dt.date(2024, 10, 8)),  # later than the report: the year before
    ("8 мая", dt.date(2025, 5, 8)),
    ("8 травня 2024 року", dt.date(2024, 5, 8)),
    ("May 3rd, 2025", dt.date(2025, 5, 3)),
    ("3 May", dt.date(2025, 5, 3)),
    ("2025-05-01", dt.date(2025, 5, 1)),
    ("12.05.2025", dt.date(2025, 5, 12)),
    ("в ночь на 12 мая", dt.date(2025, 5, 12)),
    ("в ночь с 11 на 12 мая", dt.date(2025, 5, 12)),
    ("у ніч проти 13 травня", dt.date(2025, 5, 13)),
    ("у ніч на 13 травня", dt.date(2025, 5, 13)),
])
def test_explicit_dates(text, expected):
    assert _first(text) == (expected, "day")


@pytest.mark.parametrize("text, expected", [
    ("drones attacked overnight", ANCHOR), ("last night", ANCHOR), ("this morning", ANCHOR),
    ("yesterday", ANCHOR - dt.timedelta(days=1)), ("вчера вечером", ANCHOR - dt.timedelta(days=1)),
    ("вчора", ANCHOR - dt.timedelta(days=1)), ("этой ночью", ANCHOR), ("вночі", ANCHOR),
    ("on Monday", dt.date(2025, 5, 12)), ("в понедельник", dt.date(2025, 5, 12)),
    ("у понеділок", dt.date(2025, 5, 12)), ("on Wednesday", ANCHOR), ("Saturday's strike", dt.date(2025, 5, 10)),
])
def test_relative_words_resolve_against_the_publication_date(text, expected):
    assert _first(text) == (expected, "day")


def test_relative_words_need_a_publication_date():
    assert _first("yesterday", published=False) is None


def test_month_only():
    assert _first("in December", anchor=dt.date(2025, 1, 19)) == (dt.date(2024, 12, 1), "month")


def test_the_verb_may_is_not_a_month():
    assert _first("the attacks may 5 times") is None


def test_local_date_crosses_midnight_in_the_regions_time_zone():
    moment = dt.datetime(2025, 5, 13, 22, 30, tzinfo=dt.timezone.utc)
    assert local_date(moment, "Europe/Moscow") == dt.date(2025, 5, 14)
    assert local_date(moment, "Europe/Kyiv") == dt.date(2025, 5, 14)
    assert local_date(moment, "Europe/London") == dt.date(2025, 5, 13)
    assert local_date(moment, None) == dt.date(2025, 5, 13)

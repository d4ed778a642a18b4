"""Event dates from text, resolved against the publication time in the region's time zone.

Explicit dates ("October 8", "8 октября", "8 жовтня", "08.10.2024"), the night formula of
Russian and Ukrainian reports ("в ночь на 12 мая", "у ніч проти 12 травня": the date after
"на"/"проти" is the one reports file the night under), and relative words ("overnight",
"yesterday", "on Tuesday", "вчера", "вчора") are handled with regular expressions:
dateparser finds dates in free text far more slowly than extraction can afford and does not
resolve the night formula. Relative words are only resolved against a known publication
time; a fetch time says nothing about when a story was written.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from zoneinfo import ZoneInfo

from transforms.incidents.numbers import alternation, gated_matches, lowercase, normalise_word

DAY = "day"
MONTH = "month"
PUBLISHED = "published"
INGESTED = "ingested"

_MONTHS = {
    1: ("january", "jan", "января", "январе", "январь", "січня", "січні", "січень"),
    2: ("february", "feb", "февраля", "феврале", "февраль", "лютого", "лютому", "лютий"),
    3: ("march", "mar", "марта", "марте", "март", "березня", "березні", "березень"),
    4: ("april", "apr", "апреля", "апреле", "апрель", "квітня", "квітні", "квітень"),
    5: ("may", "мая", "мае", "май", "травня", "травні", "травень"),
    6: ("june", "jun", "июня", "июне", "июнь", "червня", "червні", "червень"),
    7: ("july", "jul", "июля", "июле", "июль", "липня", "липні", "липень"),
    8: ("august", "aug", "августа", "августе", "август", "серпня", "серпні", "серпень"),
    9: ("september", "sept", "sep", "сентября", "сентябре", "сентябрь", "вересня", "вересні",
        "вересень"),
    10: ("october", "oct", "октября", "октябре", "октябрь", "жовтня", "жовтні", "жовтень"),
    11: ("november", "nov", "ноября", "ноябре", "ноябрь", "листопада", "листопаді",
         "листопад"),
    12: ("december", "dec", "декабря", "декабре", "декабрь", "грудня", "грудні", "грудень"),
}
MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names}
_MONTH = f"(?:{alternation(MONTH_OF)})"
_YEAR = r"(?:,?\s*(?P<{0}>(?:19|20)\d\d)(?:\s*(?:года|году|г\.|року|р\.))?)?"

_WEEKDAYS = {
    0: ("monday", "понедельник", "понеділок", "понеділка"),
    1: ("tuesday", "вторник", "вівторок", "вівторка"),
    2: ("wednesday", "среду", "среда", "середу", "середа"),
    3: ("thursday", "четверг", "четвер", "четверга"),
    4: ("friday", "пятницу", "пятница", "п'ятницю", "п'ятниця"),
    5: ("saturday", "субботу", "суббота", "суботу", "субота"),
    6: ("sunday", "воскресенье", "неділю", "неділя"),
}
WEEKDAY_OF = {name: number for number, names in _WEEKDAYS.items() for name in names}
_WEEKDAY = f"(?:{alternation(WEEKDAY_OF)})"

# Offsets in days from the publication date.
_RELATIVE = {
    -2: ("the day before yesterday", "позавчера", "позавчора"),
    -1: ("yesterday", "вчера", "вчерашн", "накануне", "вчора", "вчорашн", "учора", "учорашн", "напередодні"),
    0: ("today", "this morning", "this afternoon", "this evening", "tonight", "overnight",
        "last night", "during the night", "early hours", "earlier today", "сегодня",
        "этой ночью", "минувшей ночью", "прошлой ночью", "ночью", "утром", "сегодняшн",
        "сьогодні", "цієї ночі", "минулої ночі", "вночі", "уночі", "вранці", "зранку",
        "сьогоднішн"),
}
_RELATIVE_OF = {word: offset for offset, words in _RELATIVE.items() for word in words}
_RELATIVE_WORDS = alternation(_RELATIVE_OF)

DATE_RE = re.compile(
    r"(?P<night>(?:в|у)\s+ніч\s+(?:з\s+\d{1,2}\s+)?(?:на|проти)|в\s+ночь\s+(?:с\s+\d{1,2}\s+)?на)"
    rf"\s+(?P<nday>\d{{1,2}})\s+(?P<nmonth>{_MONTH})\b{_YEAR.format('nyear')}"
    rf"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    r"|\b(?P<dday>\d{1,2})\.(?P<dmonth>\d{1,2})\.(?P<dyear>(?:19|20)\d\d)\b"
    rf"|\b(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month1>{_MONTH})\b\.?{_YEAR.format('year1')}"
    rf"|\b(?P<month2>{_MONTH})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:){_YEAR.format('year2')}"
    rf"|\b(?:in|since|в|у|с|со|з|із)\s+(?P<month3>{_MONTH})\b{_YEAR.format('year3')}"
    rf"|\b(?P<relative>{_RELATIVE_WORDS})"
    rf"|\b(?:on\s+|в\s+|во\s+|у\s+)?(?P<weekday>{_WEEKDAY})\b")  # on the lowercase text


_DATE_GATE = re.compile(r"\d|\b(?:" + alternation([*MONTH_OF, *WEEKDAY_OF, *_RELATIVE_OF]) + ")")


@dataclasses.dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    date: dt.date
    precision: str  # day | month
    relative: bool  # resolved from a relative word against the publication date


def local_date(moment: dt.datetime, timezone: str | None) -> dt.date:
    """The calendar date of ``moment`` where the event happened."""
    if timezone:
        try:
            return moment.astimezone(ZoneInfo(timezone)).date()
        except (KeyError, ValueError):
            pass
    return moment.date()


def _with_year(year: str | None, month: int, day: int, anchor: dt.date) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year), month, day)
        candidate = dt.date(anchor.year, month, day)
        if candidate > anchor + dt.timedelta(days=2):  # a date later than the report: last year's
            candidate = dt.date(anchor.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def _normal(word: str) -> str:
    return normalise_word(word)


def find_dates(text: str, anchor: dt.date, anchor_is_published: bool) -> list[DateSpan]:
    """Dates in ``text``. ``anchor`` is the local publication date (or the fetch date, in
    which case relative words are not resolved)."""
    spans = []
    for match in gated_matches(DATE_RE, _DATE_GATE, lowercase(text), reach=40):
        group = match.groupdict()
        date, precision, relative = None, DAY, False
        if group["night"]:
            date = _with_year(group["nyear"], MONTH_OF[_normal(group["nmonth"])],
                              int(group["nday"]), anchor)
        elif group["iso"]:
            try:
                date = dt.date.fromisoformat(group["iso"])
            except ValueError:
                date = None
        elif group["dday"]:
            date = _with_year(group["dyear"], int(group["dmonth"]), int(group["dday"]), anchor) \
                if 1 <= int(group["dmonth"]) <= 12 else None
        elif group["day1"]:
            date = _with_year(group["year1"], MONTH_OF[_normal(group["month1"])],
                              int(group["day1"]), anchor)
        elif group["month2"]:
            if group["month2"] == "may" and not text[match.start("month2")].isupper():
                continue  # the verb "may"
            date = _with_year(group["year2"], MONTH_OF[_normal(group["month2"])],
                              int(group["day2"]), anchor)
        elif group["month3"]:
            if group["month3"] == "may" and not text[match.start("month3")].isupper():
                continue
            date = _with_year(group["year3"], MONTH_OF[_normal(group["month3"])], 1, anchor)
            precision = MONTH
        elif anchor_is_published and group["relative"]:
            date, relative = anchor + dt.timedelta(days=_RELATIVE_OF[_normal(group["relative"])]), True
        elif anchor_is_published and group["weekday"]:
            weekday = WEEKDAY_OF[_normal(group["weekday"])]
            date = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
            relative = True
        if date is not None:
            spans.append(DateSpan(match.start(), match.end(), date, precision, relative))
    return spans

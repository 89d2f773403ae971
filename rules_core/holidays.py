"""China's official rest days: weekends, statutory holidays and the make-up working days
(调休) the State Council announces each year, from the package ``chinesecalendar``.

《民法典》第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。
A weekend that is a make-up working day is not a rest day; a weekday inside a holiday is.
The package knows the years the State Council has announced (:func:`covered_years`); for a
day outside them the answer says so instead of guessing.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
from chinese_calendar import constants

CALENDAR_SOURCE = f"chinesecalendar {chinese_calendar.__version__}（国务院办公厅公布的节假日安排）"


def covered_years() -> tuple[int, int]:
    """The first and last year whose holidays the calendar knows (e.g. 2004, 2026)."""
    days = [*constants.holidays, *constants.workdays]
    return min(days).year, max(days).year


def is_rest_day(day: dt.date) -> bool | None:
    """Whether ``day`` is a 法定休假日 (weekend or holiday, not a make-up working day);
    ``None`` outside :func:`covered_years`."""
    first, last = covered_years()
    if not first <= day.year <= last:
        return None
    return not chinese_calendar.is_workday(day)


def first_working_day_from(day: dt.date) -> dt.date | None:
    """``day`` if it is a working day, else the day after the rest days it starts; ``None``
    when the calendar does not cover the days needed."""
    current = day
    while True:
        rest = is_rest_day(current)
        if rest is None:
            return None
        if not rest:
            return current
        current += dt.timedelta(days=1)

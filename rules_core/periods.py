"""Counting periods in years and days, the way the regulation's periods are read here.

Two readings are used, both documented where they apply:

* A period that *runs from* a day (validity 「自2021年3月31日起施行，有效期3年」, a service that
  starts on a day, a service year counted from the first signing) counts that day as its first
  day: year n is ``[start + (n-1) years, start + n years)``, so three years from 2021-03-31 end
  on 2024-03-30 and three years of service from 2021-05-10 end (届满) on 2024-05-09.
* A period of days *within which* something must be done after an event (第十七条 「自双方签订
  服务协议之日起15日内」) follows 《民法典》第二百零一条: the day of the event is not counted, the
  period starts the next day; so signing on 2023-03-01 gives a last day of 2023-03-16.

Where an anniversary falls on a 2月29日 that does not exist, the period's last day is the end of
February (the rule of 《民法典》第二百零二条: 没有对应日的，为月末日), i.e. the next period starts
on 3月1日.
"""

from __future__ import annotations

import datetime as dt

from rules_core.results import FactsConflict


def add_years(start: dt.date, years: int) -> dt.date:
    """The anniversary ``years`` after ``start``; 2月29日 without an anniversary → 3月1日.

    This is the first day *after* a period of ``years`` years that began on ``start``.
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 2月29日 in a non-leap year
        return dt.date(start.year + years, 3, 1)


def last_day_of_years(start: dt.date, years: int) -> dt.date:
    """Last day of a period of ``years`` years whose first day is ``start`` (start counted)."""
    return add_years(start, years) - dt.timedelta(days=1)


def year_bounds(start: dt.date, n: int) -> tuple[dt.date, dt.date]:
    """First and last day (both inclusive) of year ``n`` (1-based) counted from ``start``."""
    if n < 1:
        raise ValueError(f"年度序号应从1开始，收到{n}")
    first = add_years(start, n - 1)
    return first, add_years(start, n) - dt.timedelta(days=1)


def year_index_on(start: dt.date, on: dt.date) -> int:
    """Which year (1-based) counted from ``start`` the day ``on`` falls in."""
    if on < start:
        raise FactsConflict(f"日期{chinese_date(on)}早于起算日{chinese_date(start)}")
    n = on.year - start.year + 1
    # The estimate is off by at most one, in either direction, because of the anniversary day.
    while add_years(start, n - 1) > on:
        n -= 1
    while add_years(start, n) <= on:
        n += 1
    return n


def whole_months_into_year(start: dt.date, on: dt.date) -> tuple[int, int | None]:
    """The year (1-based, counted from ``start``) that ``on`` falls in, and the whole months
    from that year's first day to ``on``, or ``None`` when ``on`` is not a monthly anniversary.

    Signed 2023-02-01, ended 2023-04-01 → (1, 2); signed 2021-06-01, ended 2022-08-01 → (2, 2);
    ended 2023-04-15 → (1, None). Raises ``FactsConflict`` when ``on`` is before ``start``.
    """
    n = year_index_on(start, on)
    first, _ = year_bounds(start, n)
    if on.day != first.day:
        return n, None
    return n, (on.year - first.year) * 12 + on.month - first.month


def last_day_within_days(event: dt.date, days: int) -> dt.date:
    """Last day of 「自<event>之日起<days>日内」: event day not counted (民法典 第二百零一条)."""
    if days < 1:
        raise ValueError(f"期间天数应为正数，收到{days}")
    return event + dt.timedelta(days=days)


def chinese_date(day: dt.date) -> str:
    """2023-03-16 → 2023年3月16日."""
    return f"{day.year}年{day.month}月{day.day}日"

"""Typed loading of the dated parameter files in ``rules_core/params/``.

Every value in those files carries a ``reference`` to the article or source it comes from; the
loaders below turn them into frozen dataclasses so that the rule modules never hold a threshold,
a fraction, a date or a wage figure as a literal. Nothing is read at import time: each loader
reads its file on first call and caches the result (``functools.lru_cache``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PARAMS_DIR = Path(__file__).parent / "params"


# --------------------------------------------------------------------------- raw access


@lru_cache(maxsize=8)
def _read(name: str) -> dict[str, Any]:
    with (PARAMS_DIR / name).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


def _value(node: dict[str, Any], *path: str) -> Any:
    """The ``value`` of a parameter, insisting that it also names its ``reference``."""
    for key in path:
        node = node[key]
    if "reference" not in node or not str(node["reference"]).strip():
        raise ValueError(f"parameter {'/'.join(path)} has no reference")
    return node["value"]


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DatesParams:
    """第二十七条 and the 试行 version's dates (《政策解读》一（二））."""

    issued_on: dt.date
    in_force_from: dt.date
    validity_years: int
    valid_through: dt.date
    trial_name: str
    trial_in_force_from: dt.date
    trial_expired_on: dt.date


@lru_cache(maxsize=1)
def load_dates() -> DatesParams:
    raw = _read("dates.yaml")
    return DatesParams(
        issued_on=_date(_value(raw, "regulation", "issued_on")),
        in_force_from=_date(_value(raw, "regulation", "in_force_from")),
        validity_years=int(_value(raw, "regulation", "validity_years")),
        valid_through=_date(_value(raw, "regulation", "valid_through")),
        trial_name=str(_value(raw, "trial_version", "name")),
        trial_in_force_from=_date(_value(raw, "trial_version", "in_force_from")),
        trial_expired_on=_date(_value(raw, "trial_version", "expired_on")),
    )


# --------------------------------------------------------------------------- eligibility


@dataclass(frozen=True)
class EligibilityParams:
    """第九条 (who may be served) and 第十三条 (when an enterprise stops being served)."""

    max_headcount: int
    excluded_firm_types: dict[str, str]
    location: str
    previous_year_conditions: dict[str, str]
    exit_after_service_years: int
    exit_events: dict[str, str]


@lru_cache(maxsize=1)
def load_eligibility() -> EligibilityParams:
    raw = _read("eligibility.yaml")
    return EligibilityParams(
        max_headcount=int(_value(raw, "max_headcount")),
        excluded_firm_types={str(k): str(v) for k, v in _value(raw, "excluded_firm_types").items()},
        location=str(_value(raw, "location")),
        previous_year_conditions={
            str(k): str(v) for k, v in _value(raw, "previous_year_conditions").items()
        },
        exit_after_service_years=int(_value(raw, "exit_after_service_years")),
        exit_events={str(k): str(v) for k, v in _value(raw, "exit_events").items()},
    )


# --------------------------------------------------------------------------- subsidy


@dataclass(frozen=True)
class Fraction:
    """A cap fraction such as 1/5, kept as integers so that Decimal division is exact enough."""

    numerator: int
    denominator: int

    @classmethod
    def parse(cls, text: str) -> Fraction:
        top, _, bottom = text.partition("/")
        fraction = cls(int(top), int(bottom))
        if fraction.numerator <= 0 or fraction.denominator <= 0:
            raise ValueError(f"not a positive fraction: {text!r}")
        return fraction

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"

    def of(self, amount: Decimal) -> Decimal:
        return amount * self.numerator / self.denominator


@dataclass(frozen=True)
class SubsidyParams:
    """第十九条、第二十三条: fractions by service year, the 3-year limit, the base series."""

    fractions_by_service_year: dict[int, Fraction]
    max_years: int
    base_series: str
    months_per_year: int
    determined_by: str


@lru_cache(maxsize=1)
def load_subsidy() -> SubsidyParams:
    raw = _read("subsidy.yaml")
    return SubsidyParams(
        fractions_by_service_year={
            int(k): Fraction.parse(str(v))
            for k, v in _value(raw, "fractions_by_service_year").items()
        },
        max_years=int(_value(raw, "max_years")),
        base_series=str(_value(raw, "base_series")),
        months_per_year=int(_value(raw, "months_per_year")),
        determined_by=str(_value(raw, "determined_by")),
    )


# --------------------------------------------------------------------------- agencies


@dataclass(frozen=True)
class QualificationParams:
    """第八条 (with 第二条第二款)."""

    organisation_types: dict[str, str]
    business_scopes: tuple[str, ...]
    certificates: tuple[str, ...]
    min_certified_fulltime_staff: int
    test_takers: int
    min_test_average: Decimal


@dataclass(frozen=True)
class AgencyExitParams:
    """第十一条 thresholds; each is reached at the number itself (「以上」包括本数)."""

    own_case_rate_percent: Decimal
    own_case_count: int
    clients_with_cases_percent: Decimal
    change_request_percent: Decimal


@dataclass(frozen=True)
class FilingParams:
    """第十七条 (15 days) and the 试行 version's 10 days (《政策解读》七（二））."""

    days: int
    trial_version_days: int


@dataclass(frozen=True)
class AgencyParams:
    qualification: QualificationParams
    exit: AgencyExitParams
    filing: FilingParams


@lru_cache(maxsize=1)
def load_agency() -> AgencyParams:
    raw = _read("agency.yaml")
    return AgencyParams(
        qualification=QualificationParams(
            organisation_types={
                str(k): str(v)
                for k, v in _value(raw, "qualification", "organisation_types").items()
            },
            business_scopes=tuple(str(s) for s in _value(raw, "qualification", "business_scopes")),
            certificates=tuple(str(s) for s in _value(raw, "qualification", "certificates")),
            min_certified_fulltime_staff=int(
                _value(raw, "qualification", "min_certified_fulltime_staff")
            ),
            test_takers=int(_value(raw, "qualification", "test_takers")),
            min_test_average=Decimal(str(_value(raw, "qualification", "min_test_average"))),
        ),
        exit=AgencyExitParams(
            own_case_rate_percent=Decimal(str(_value(raw, "exit", "own_case_rate_percent"))),
            own_case_count=int(_value(raw, "exit", "own_case_count")),
            clients_with_cases_percent=Decimal(
                str(_value(raw, "exit", "clients_with_cases_percent"))
            ),
            change_request_percent=Decimal(str(_value(raw, "exit", "change_request_percent"))),
        ),
        filing=FilingParams(
            days=int(_value(raw, "filing", "days")),
            trial_version_days=int(_value(raw, "filing", "trial_version_days")),
        ),
    )


# --------------------------------------------------------------------------- wage table


@dataclass(frozen=True)
class PublicationPeriod:
    """When a bulletin appeared, as precisely as the source says: a year, a month or a day.

    The figure may have appeared on any day of that period, so a date inside the period is
    「可能尚未公布」; only a date after the whole period is certainly after publication.
    """

    text: str
    first_day: dt.date
    last_day: dt.date

    @classmethod
    def parse(cls, text: str) -> PublicationPeriod:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            (year,) = parts
            return cls(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
        if len(parts) == 2:
            year, month = parts
            last = calendar.monthrange(year, month)[1]
            return cls(text, dt.date(year, month, 1), dt.date(year, month, last))
        if len(parts) == 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return cls(text, day, day)
        raise ValueError(f"publication date must be YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")

    def certainly_published_by(self, on: dt.date) -> bool:
        return on > self.last_day

    def chinese(self) -> str:
        """2021-06 → 2021年6月; 2023-06-29 → 2023年6月29日; 2018 → 2018年."""
        parts = [int(p) for p in self.text.split("-")]
        units = ("年", "月", "日")
        return "".join(f"{p}{u}" for p, u in zip(parts, units, strict=False))


@dataclass(frozen=True)
class WageRow:
    data_year: int
    yuan: Decimal
    published: PublicationPeriod
    source: str


@dataclass(frozen=True)
class WageTable:
    series: str
    authority: str
    rows: tuple[WageRow, ...]

    def for_year(self, data_year: int) -> WageRow | None:
        """The row for ``data_year``, or None when this table does not know it (never guessed)."""
        for row in self.rows:
            if row.data_year == data_year:
                return row
        return None


@lru_cache(maxsize=1)
def load_wage_table() -> WageTable:
    raw = _read("shenzhen_average_wage.yaml")
    rows = tuple(
        WageRow(
            data_year=int(row["data_year"]),
            yuan=Decimal(str(row["yuan"])),
            published=PublicationPeriod.parse(str(row["published"])),
            source=str(row["source"]),
        )
        for row in raw["rows"]
    )
    years = [row.data_year for row in rows]
    if len(set(years)) != len(years):
        raise ValueError("shenzhen_average_wage.yaml: a data year appears twice")
    return WageTable(
        series=str(_value(raw, "series")),
        authority=str(_value(raw, "authority")),
        rows=rows,
    )

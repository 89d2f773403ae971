"""The dated parameter files: every value has a reference, the wage table is the right series."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from rules_core.params_loader import (
    PARAMS_DIR,
    PublicationPeriod,
    load_agency,
    load_dates,
    load_eligibility,
    load_subsidy,
    load_wage_table,
)
from rules_core.periods import last_day_of_years

PARAM_FILES = sorted(PARAMS_DIR.glob("*.yaml"))


def values_without_reference(node: Any, path: str = "") -> list[str]:
    missing: list[str] = []
    if isinstance(node, dict):
        if "value" in node and not str(node.get("reference", "")).strip():
            missing.append(path)
        for key, child in node.items():
            if key != "value":
                missing += values_without_reference(child, f"{path}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            missing += values_without_reference(child, f"{path}[{i}]")
    return missing


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in PARAM_FILES])
def test_every_parameter_names_its_reference(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert values_without_reference(data) == []


def test_all_loaders_read_their_files() -> None:
    assert load_eligibility().max_headcount == 100
    assert str(load_subsidy().fractions_by_service_year[2]) == "1/6"
    assert load_agency().filing.days == 15
    assert load_agency().exit.clients_with_cases_percent == 20


def test_valid_through_is_three_years_from_entry_into_force() -> None:
    dates = load_dates()
    assert last_day_of_years(dates.in_force_from, dates.validity_years) == dates.valid_through


def test_every_wage_row_has_a_source_and_a_publication_date() -> None:
    for row in load_wage_table().rows:
        assert row.source.strip()
        assert row.published.first_day.year == row.data_year + 1


@pytest.mark.parametrize(
    "lookalike",
    [
        pytest.param(n, id=f"就业人员或私营单位系列的{n}不在工资表中")
        for n in (125612, 137310, 153471, 162680, 171854, 74597, 85239, 90322, 94215)
    ],
)
def test_lookalike_series_are_not_in_the_wage_table(lookalike: int) -> None:
    text = (PARAMS_DIR / "shenzhen_average_wage.yaml").read_text(encoding="utf-8")
    assert str(lookalike) not in text
    assert f"{lookalike:,}" not in text
    assert all(row.yuan != lookalike for row in load_wage_table().rows)


def test_unknown_year_is_not_in_the_table() -> None:
    assert load_wage_table().for_year(2024) is None


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        pytest.param(
            "2018", dt.date(2018, 1, 1), dt.date(2018, 12, 31), id="只有年份时整年都可能公布"
        ),
        pytest.param(
            "2021-06", dt.date(2021, 6, 1), dt.date(2021, 6, 30), id="只有月份时整月都可能公布"
        ),
        pytest.param("2023-06-29", dt.date(2023, 6, 29), dt.date(2023, 6, 29), id="精确到日"),
    ],
)
def test_publication_period(text: str, first: dt.date, last: dt.date) -> None:
    period = PublicationPeriod.parse(text)
    assert (period.first_day, period.last_day) == (first, last)
    assert not period.certainly_published_by(last)
    assert period.certainly_published_by(last + dt.timedelta(days=1))


def test_importing_rules_core_reads_no_file() -> None:
    code = (
        "import rules_core.eligibility, rules_core.subsidy, rules_core.enterprise_exit, "
        "rules_core.agency_exit, rules_core.qualification, rules_core.deadlines\n"
        "from rules_core.params_loader import _read\n"
        "assert _read.cache_info().currsize == 0, _read.cache_info()\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)

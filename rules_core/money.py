"""Money is Decimal, rounded half-up to the fen, shown with two decimals and 元."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_yuan(value: Decimal) -> Decimal:
    """Round to two decimals, half up (27887.2 → 27887.20; 23239.333… → 23239.33)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(value: Decimal) -> str:
    """27887.2 → ``27,887.20元``."""
    return f"{to_yuan(value):,.2f}元"

"""Money as an exact Decimal with its unit (元 or 万元). Never float."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict, field_validator

from jixiao.model.enums import MoneyUnit

_TEN_THOUSAND = Decimal(10000)
_MONEY_RE = re.compile(r"^\s*([+-]?\d[\d,，]*(?:\.\d+)?)\s*(万元|元|万)?\s*$")


class Money(BaseModel):
    """An amount of money with its unit; conversions are exact."""

    model_config = ConfigDict(frozen=True)

    amount: Decimal
    unit: MoneyUnit = MoneyUnit.WAN_YUAN

    @field_validator("amount", mode="before")
    @classmethod
    def _no_float(cls, value: object) -> object:
        # ValueError, not TypeError: pydantic then reports it as a ValidationError with its
        # place (a float in a JSON file names the field instead of escaping as a traceback).
        if isinstance(value, float):
            raise ValueError("money must not be a float; pass a Decimal or a string")
        return value

    def to(self, unit: MoneyUnit) -> Money:
        """The same amount in ``unit``, exactly."""
        if unit == self.unit:
            return self
        if unit == MoneyUnit.YUAN:
            return Money(amount=self.amount * _TEN_THOUSAND, unit=unit)
        return Money(amount=self.amount / _TEN_THOUSAND, unit=unit)

    @property
    def wan_yuan(self) -> Decimal:
        return self.to(MoneyUnit.WAN_YUAN).amount

    @property
    def yuan(self) -> Decimal:
        return self.to(MoneyUnit.YUAN).amount

    def __str__(self) -> str:
        return f"{self.amount}{self.unit.value}"


def parse_money(text: str | None, default_unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> Money | None:
    """Parse ``"18.24万元"``, ``"260"`` or ``"235000.00"`` (in ``default_unit``).

    Returns None for empty text or text that is not a plain amount.
    """
    if text is None:
        return None
    match = _MONEY_RE.match(text)
    if not match:
        return None
    number, unit = match.groups()
    try:
        amount = Decimal(number.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    if unit in ("万元", "万"):
        money_unit = MoneyUnit.WAN_YUAN
    elif unit == "元":
        money_unit = MoneyUnit.YUAN
    else:
        money_unit = default_unit
    return Money(amount=amount, unit=money_unit)

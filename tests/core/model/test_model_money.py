"""Money: exact Decimal amounts with their unit; never float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from pydantic import ValidationError

from jixiao.model import Money, MoneyUnit, parse_money
from strategies import money, numbers

WAN, YUAN = MoneyUnit.WAN_YUAN, MoneyUnit.YUAN


def test_money_one_wan_yuan_is_ten_thousand_yuan():
    """1 万元 converts to exactly 10000 元 and back."""
    one = Money(amount=Decimal("1"), unit=WAN)
    assert (one.to(YUAN), one.to(YUAN).to(WAN)) == (
        Money(amount=Decimal("10000"), unit=YUAN),
        one,
    )


def test_money_small_yuan_amount_converts_exactly():
    """0.01 元 is 0.000001 万元: no rounding on the way."""
    assert Money(amount=Decimal("0.01"), unit=YUAN).wan_yuan == Decimal("0.000001")


def test_money_float_amount_is_rejected():
    """A float amount is a validation error naming the field, never silently converted."""
    with pytest.raises(ValidationError) as info:
        Money(amount=18.24)  # type: ignore[arg-type]
    assert [(error["loc"], error["type"]) for error in info.value.errors()] == [
        (("amount",), "value_error")
    ]


def test_money_float_in_json_is_rejected():
    """A JSON number with a fraction is refused too; amounts travel as strings."""
    with pytest.raises(ValidationError):
        Money.model_validate_json('{"amount": 18.24, "unit": "万元"}')


def test_money_json_amount_is_an_exact_string():
    """Dumping keeps every digit as a string; loading gives the same Decimal."""
    amount = Money(amount=Decimal("684.4769"), unit=WAN)
    text = amount.model_dump_json()
    assert (text, Money.model_validate_json(text)) == ('{"amount":"684.4769","unit":"万元"}', amount)


def test_money_str_shows_amount_and_unit():
    """str() is the amount followed by the unit."""
    assert [str(Money(amount=Decimal("18.24"))), str(Money(amount=Decimal("235000.00"), unit=YUAN))] == [
        "18.24万元",
        "235000.00元",
    ]


@given(money(YUAN))
def test_money_yuan_round_trip_through_wan_yuan_is_exact(value: Money):
    """元 → 万元 → 元 gives the same amount."""
    assert value.to(WAN).to(YUAN).amount == value.amount


@given(money(WAN))
def test_money_wan_yuan_round_trip_through_yuan_is_exact(value: Money):
    """万元 → 元 → 万元 gives the same amount."""
    assert value.to(YUAN).to(WAN).amount == value.amount


@given(numbers(places=2), numbers(places=2))
def test_money_sums_are_exact_in_both_units(a: Decimal, b: Decimal):
    """Adding in 元 then converting equals converting then adding."""
    left = Money(amount=a + b, unit=YUAN).wan_yuan
    right = Money(amount=a, unit=YUAN).wan_yuan + Money(amount=b, unit=YUAN).wan_yuan
    assert left == right


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("18.24万元", YUAN, Money(amount=Decimal("18.24"), unit=WAN)),
        ("3万", YUAN, Money(amount=Decimal("3"), unit=WAN)),
        ("235000.00", YUAN, Money(amount=Decimal("235000.00"), unit=YUAN)),
        ("260", WAN, Money(amount=Decimal("260"), unit=WAN)),
        ("1,000元", WAN, Money(amount=Decimal("1000"), unit=YUAN)),
        (" 61.2 ", WAN, Money(amount=Decimal("61.2"), unit=WAN)),
        ("-5", WAN, Money(amount=Decimal("-5"), unit=WAN)),
        ("", WAN, None),
        (None, WAN, None),
        ("约20万元", WAN, None),
        ("二十万元", WAN, None),
        ("18.24美元", WAN, None),
    ],
)
def test_parse_money_text_gives_amount_in_its_unit(text: str | None, default: MoneyUnit, expected: Money | None):
    """A plain amount parses in its own unit or the default; anything else is None."""
    assert parse_money(text, default) == expected

"""The 指标值 parser: every way the forms write comparisons, units, deadlines and words.

Cases follow domain.md §1.5 and the spellings met in the seeds; each compares the whole
parsed value. The properties check that parsing never raises, keeps the raw text, and that
the standard spelling parses back to the same meaning.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from jixiao.model import (
    Comparison,
    IndicatorValue,
    OperatorStyle,
    ValueKind,
    normalise_unit,
    parse_value,
    unit_in_name,
)
from strategies import quantitative_value_texts, value_texts

Q = ValueKind.QUANTITATIVE


def quantitative(
    raw: str,
    number: str,
    unit: str | None = None,
    *,
    operator: Comparison | None = None,
    operator_text: str | None = None,
    style: OperatorStyle = OperatorStyle.NONE,
    unit_text: str | None = None,
) -> IndicatorValue:
    """The expected value of a quantitative cell; ``unit_text`` defaults to ``unit``."""
    return IndicatorValue(
        raw=raw,
        kind=Q,
        operator=operator,
        operator_text=operator_text,
        operator_style=style,
        number=Decimal(number),
        unit=unit,
        unit_text=unit_text if unit_text is not None else unit,
    )


def words(raw: str, kind: ValueKind) -> IndicatorValue:
    return IndicatorValue(raw=raw, kind=kind, text=raw.strip())


GE, LE, GT, LT, EQ = Comparison.GE, Comparison.LE, Comparison.GT, Comparison.LT, Comparison.EQ
SYMBOL, WORD = OperatorStyle.SYMBOL, OperatorStyle.WORD
MALFORMED, APPROX = OperatorStyle.MALFORMED, OperatorStyle.APPROXIMATE

CASES: list[tuple[str, IndicatorValue]] = [
    # Canonical symbols and their ASCII / full-width / JIS spellings.
    ("≥95%", quantitative("≥95%", "95", "%", operator=GE, operator_text="≥", style=SYMBOL)),
    ("≤5起", quantitative("≤5起", "5", "起", operator=LE, operator_text="≤", style=SYMBOL)),
    ("＞3家", quantitative("＞3家", "3", "家", operator=GT, operator_text="＞", style=SYMBOL)),
    ("＜5%", quantitative("＜5%", "5", "%", operator=LT, operator_text="＜", style=SYMBOL)),
    ("=100%", quantitative("=100%", "100", "%", operator=EQ, operator_text="=", style=SYMBOL)),
    ("＝100%", quantitative("＝100%", "100", "%", operator=EQ, operator_text="＝", style=SYMBOL)),
    (">=90%", quantitative(">=90%", "90", "%", operator=GE, operator_text=">=", style=SYMBOL)),
    ("<=10天", quantitative("<=10天", "10", "天", operator=LE, operator_text="<=", style=SYMBOL)),
    (">3", quantitative(">3", "3", operator=GT, operator_text=">", style=SYMBOL)),
    ("＞＝80%", quantitative("＞＝80%", "80", "%", operator=GE, operator_text="＞＝", style=SYMBOL)),
    ("≧90%", quantitative("≧90%", "90", "%", operator=GE, operator_text="≧", style=SYMBOL)),
    ("≦2次", quantitative("≦2次", "2", "次", operator=LE, operator_text="≦", style=SYMBOL)),
    # Words before the number (normalised, style WORD).
    ("大于3家", quantitative("大于3家", "3", "家", operator=GT, operator_text="大于", style=WORD)),
    ("大于0%", quantitative("大于0%", "0", "%", operator=GT, operator_text="大于", style=WORD)),
    ("不低于90%", quantitative("不低于90%", "90", "%", operator=GE, operator_text="不低于", style=WORD)),
    ("不少于5个", quantitative("不少于5个", "5", "个", operator=GE, operator_text="不少于", style=WORD)),
    ("不超过50万元", quantitative("不超过50万元", "50", "万元", operator=LE, operator_text="不超过", style=WORD)),
    ("不高于3%", quantitative("不高于3%", "3", "%", operator=LE, operator_text="不高于", style=WORD)),
    ("小于5%", quantitative("小于5%", "5", "%", operator=LT, operator_text="小于", style=WORD)),
    ("低于2%", quantitative("低于2%", "2", "%", operator=LT, operator_text="低于", style=WORD)),
    ("高于80%", quantitative("高于80%", "80", "%", operator=GT, operator_text="高于", style=WORD)),
    ("等于100%", quantitative("等于100%", "100", "%", operator=EQ, operator_text="等于", style=WORD)),
    ("大于等于70%", quantitative("大于等于70%", "70", "%", operator=GE, operator_text="大于等于", style=WORD)),
    # Words after the number.
    ("98%以上", quantitative("98%以上", "98", "%", operator=GE, operator_text="以上", style=WORD)),
    ("4个及以上", quantitative("4个及以上", "4", "个", operator=GE, operator_text="及以上", style=WORD)),
    ("30日以内", quantitative("30日以内", "30", "日", operator=LE, operator_text="以内", style=WORD)),
    ("5%以下", quantitative("5%以下", "5", "%", operator=LE, operator_text="以下", style=WORD)),
    # A symbol and a redundant word: the symbol wins, the word stays in operator_text.
    ("≥95%以上", quantitative("≥95%以上", "95", "%", operator=GE, operator_text="≥以上", style=WORD)),
    # Not comparisons: malformed symbols and approximations keep no operator.
    ("》90%", quantitative("》90%", "90", "%", operator_text="》", style=MALFORMED)),
    ("》90", quantitative("》90", "90", operator_text="》", style=MALFORMED)),
    ("《5%", quantitative("《5%", "5", "%", operator_text="《", style=MALFORMED)),
    ("90%左右", quantitative("90%左右", "90", "%", operator_text="左右", style=APPROX)),
    ("约90%", quantitative("约90%", "90", "%", operator_text="约", style=APPROX)),
    ("力争5家", quantitative("力争5家", "5", "家", operator_text="力争", style=APPROX)),
    # Bare numbers and units, 百分比 as a word.
    ("15", quantitative("15", "15")),
    ("1.5", quantitative("1.5", "1.5")),
    ("15个", quantitative("15个", "15", "个")),
    ("13.11万元", quantitative("13.11万元", "13.11", "万元")),
    ("1,000人次", quantitative("1,000人次", "1000", "人次")),
    ("100百分比", quantitative("100百分比", "100", "%", unit_text="百分比")),
    ("≥95百分比", quantitative("≥95百分比", "95", "%", operator=GE, operator_text="≥", style=SYMBOL, unit_text="百分比")),
    ("95％", quantitative("95％", "95", "%", unit_text="％")),
    # Spaces inside a value are ignored, but never join two numbers.
    (" ≥ 95 % ", quantitative(" ≥ 95 % ", "95", "%", operator=GE, operator_text="≥", style=SYMBOL)),
    ("10 20699", words("10 20699", ValueKind.UNPARSED)),
    # Deadlines.
    ("2025年12月底前", words("2025年12月底前", ValueKind.DEADLINE)),
    ("12月底", words("12月底", ValueKind.DEADLINE)),
    ("每月10日前完成", words("每月10日前完成", ValueKind.DEADLINE)),
    ("2025.12.31前", words("2025.12.31前", ValueKind.DEADLINE)),
    ("年底前", words("年底前", ValueKind.DEADLINE)),
    # Qualitative words and placeholders (review judges them; the parser keeps them).
    ("及时", words("及时", ValueKind.QUALITATIVE)),
    ("提高", words("提高", ValueKind.QUALITATIVE)),
    ("提前完成", words("提前完成", ValueKind.QUALITATIVE)),
    ("规划编制完整、合规", words("规划编制完整、合规", ValueKind.QUALITATIVE)),
    ("以文件为准", words("以文件为准", ValueKind.QUALITATIVE)),
    ("以上级文件为准", words("以上级文件为准", ValueKind.QUALITATIVE)),
    # Mixed text with numbers: kept raw as UNPARSED.
    ("收入比重 3%以上。", words("收入比重 3%以上。", ValueKind.UNPARSED)),
    ("上级部门对工作满意程度 ≥98%", words("上级部门对工作满意程度 ≥98%", ValueKind.UNPARSED)),
    ("扶持企业数量达到年初计划的98%", words("扶持企业数量达到年初计划的98%", ValueKind.UNPARSED)),
    ("信访投诉办结率大于等于70%", words("信访投诉办结率大于等于70%", ValueKind.UNPARSED)),
    # Empty cells.
    ("", IndicatorValue(raw="", kind=ValueKind.EMPTY)),
    ("  \t", IndicatorValue(raw="  \t", kind=ValueKind.EMPTY)),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[raw or "<empty>" for raw, _ in CASES])
def test_parse_value_spelling_gives_whole_value(raw: str, expected: IndicatorValue):
    """Each written form of a value parses to exactly this value."""
    assert parse_value(raw) == expected


def test_parse_value_none_is_empty_with_empty_raw():
    """A missing cell (None) is an empty value whose raw text is ""."""
    assert parse_value(None) == IndicatorValue(raw="", kind=ValueKind.EMPTY)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("≥95%", "≥95%"),
        ("98%以上", "≥98%"),
        ("大于3家", "＞3家"),
        (">=90%", "≥90%"),
        ("≧90%", "≥90%"),
        ("100百分比", "100%"),
        ("≥95%以上", "≥95%"),
        (" ≥ 95 % ", "≥95%"),
        ("1,000人次", "1000人次"),
        ("》90%", "》90%"),
        ("90%左右", "90%左右"),
        ("及时", "及时"),
        (" 12月底 ", "12月底"),
        ("", ""),
    ],
)
def test_canonical_value_is_the_standard_spelling(raw: str, canonical: str):
    """canonical() writes comparisons and units the standard way and keeps what it cannot."""
    assert parse_value(raw).canonical() == canonical


@pytest.mark.parametrize(
    ("raw", "flags"),
    [("≥95%", (True, False)), ("", (False, True)), ("及时", (False, False))],
)
def test_value_kind_properties_follow_kind(raw: str, flags: tuple[bool, bool]):
    """is_quantitative and is_empty follow the kind."""
    value = parse_value(raw)
    assert (value.is_quantitative, value.is_empty) == flags


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("百分比", "%"), ("％", "%"), ("万", "万元"), ("家", "家"), ("", None), (None, None)],
)
def test_normalise_unit_maps_aliases(unit: str | None, expected: str | None):
    """Unit aliases become the canonical spelling; empty stays None."""
    assert normalise_unit(unit) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("奖励企业数 (个)", "个"),
        ("年度资金支出进度（%）", "%"),
        ("扶持对象满意度（百分比）", "%"),
        ("项目完成率(%)", "%"),
        ("培训人数", None),
        ("（一）项目名称很长的说明", None),
        (None, None),
    ],
)
def test_unit_in_name_reads_the_bracketed_unit(name: str | None, expected: str | None):
    """The unit an indicator name declares in trailing brackets."""
    assert unit_in_name(name) == expected


@given(st.text())
@example("》")
@example("≥")
@example("1,,,")
@example("٣٠%")
@example("10\u300020699")
def test_parse_value_any_text_never_raises_and_keeps_raw(text: str):
    """Any text parses without raising, and the raw text is kept exactly."""
    value = parse_value(text)
    assert (value.raw, value.kind == ValueKind.EMPTY) == (text, not re.sub(r"\s+", "", text))


@given(st.text())
def test_parse_value_kinds_are_consistent(text: str):
    """Quantitative values have a number; other kinds have none; words have no digits."""
    value = parse_value(text)
    if value.kind == ValueKind.QUANTITATIVE:
        assert value.number is not None
    else:
        assert (value.number, value.operator) == (None, None)
    if value.kind == ValueKind.QUALITATIVE:
        assert not re.search(r"\d", value.raw)


@given(quantitative_value_texts())
@example("》90%")
@example("90%左右")
@example("≥95%以上")
def test_canonical_parses_back_to_the_same_meaning(text: str):
    """parse(v.canonical()) has the same kind, operator, number and unit as v."""
    value = parse_value(text)
    again = parse_value(value.canonical())
    assert (again.kind, again.operator, again.number, again.unit) == (
        value.kind,
        value.operator,
        value.number,
        value.unit,
    )


@given(quantitative_value_texts(canonical_only=True))
def test_canonical_text_is_a_fixed_point(text: str):
    """A value already written the standard way is written back unchanged."""
    assert parse_value(text).canonical() == text


@given(value_texts() | st.text(max_size=20))
def test_canonical_is_idempotent(text: str):
    """Writing the standard spelling twice changes nothing more."""
    once = parse_value(text).canonical()
    assert parse_value(once).canonical() == once

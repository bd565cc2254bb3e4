"""指标值: the raw text as written, and what it means once parsed.

The grammar of a quantitative value is ``[comparison] number [unit] [suffix]``, where the
comparison may be a symbol (``≥``, ``>=``, ``≧``), a word before the number (``大于``,
``不低于``) or a word after it (``以上``, ``及以上``, ``以内``). Malformed symbols such as ``》``
are recognised but left without a comparison, because the intended one (≥ or ＞) cannot be
known. Anything else with digits in it stays raw as ``UNPARSED``; words only are
``QUALITATIVE``; dates with 前/底 are ``DEADLINE``. Parsing never loses the raw text.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from jixiao.model.enums import Comparison, OperatorStyle, ValueKind

# Longest spellings first, so ">=" wins over ">".
_SYMBOLS: tuple[tuple[str, Comparison], ...] = (
    (">=", Comparison.GE), ("=>", Comparison.GE), ("＞=", Comparison.GE), ("＞＝", Comparison.GE),
    ("<=", Comparison.LE), ("=<", Comparison.LE), ("＜=", Comparison.LE), ("＜＝", Comparison.LE),
    ("≥", Comparison.GE), ("≧", Comparison.GE), ("⩾", Comparison.GE),
    ("≤", Comparison.LE), ("≦", Comparison.LE), ("⩽", Comparison.LE),
    (">", Comparison.GT), ("＞", Comparison.GT),
    ("<", Comparison.LT), ("＜", Comparison.LT),
    ("=", Comparison.EQ), ("＝", Comparison.EQ),
)
CANONICAL_SYMBOLS = frozenset(c.value for c in Comparison)
MALFORMED_SYMBOLS = ("》", "《", "〉", "〈", "≯", "≮", "≫", "≪")

_PREFIX_WORDS: tuple[tuple[str, Comparison], ...] = (
    ("大于或等于", Comparison.GE), ("大于等于", Comparison.GE), ("不低于", Comparison.GE),
    ("不少于", Comparison.GE), ("不小于", Comparison.GE), ("至少", Comparison.GE),
    ("小于或等于", Comparison.LE), ("小于等于", Comparison.LE), ("不高于", Comparison.LE),
    ("不超过", Comparison.LE), ("不多于", Comparison.LE), ("不大于", Comparison.LE),
    ("最多", Comparison.LE), ("控制在", Comparison.LE),
    ("大于", Comparison.GT), ("高于", Comparison.GT), ("超过", Comparison.GT), ("多于", Comparison.GT),
    ("小于", Comparison.LT), ("低于", Comparison.LT), ("少于", Comparison.LT),
    ("等于", Comparison.EQ), ("达到", Comparison.GE),
)
_SUFFIX_WORDS: tuple[tuple[str, Comparison], ...] = (
    ("及以上", Comparison.GE), ("以上", Comparison.GE),
    ("及以下", Comparison.LE), ("以下", Comparison.LE), ("以内", Comparison.LE), ("之内", Comparison.LE),
    ("内", Comparison.LE),
)
_APPROX_PREFIX = ("大约", "约", "力争", "争取")
_APPROX_SUFFIX = ("左右", "上下")

#: Units as written → canonical unit.
UNIT_ALIASES: dict[str, str] = {"百分比": "%", "％": "%", "百分之": "%", "万": "万元"}

_NUMBER = re.compile(r"^(\d[\d,，]*(?:\.\d+)?|\.\d+)")
_UNIT = re.compile(r"^[^\d\s,，。；;:：、()（）]{1,6}$")
# A time word before 前/底 ("12月底前", "年底"), or a written date ending in 前 ("2025.12.31前");
# "提前完成" alone is words, not a deadline.
_DEADLINE = re.compile(r"(年|月|日|季度|旬).*(前|底)|\d(以前|之前|前)(完成)?$")
# Whitespace between two digits separates two numbers ("10 20699"); it must not join them.
_SPACE_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")
_NAME_UNIT = re.compile(r"[（(]\s*([^（）()]{1,6}?)\s*[)）]\s*$")
_WHITESPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


class IndicatorValue(BaseModel):
    """A 指标值 cell: the raw text exactly as written plus its parsed form."""

    model_config = ConfigDict(frozen=True)

    raw: str
    kind: ValueKind
    operator: Comparison | None = None
    operator_text: str | None = None
    operator_style: OperatorStyle = OperatorStyle.NONE
    number: Decimal | None = None
    unit: str | None = None
    unit_text: str | None = None
    text: str | None = None

    @property
    def is_quantitative(self) -> bool:
        return self.kind == ValueKind.QUANTITATIVE

    @property
    def is_empty(self) -> bool:
        return self.kind == ValueKind.EMPTY

    def canonical(self) -> str:
        """The value written the standard way (``≥90%``); words and raw text stay as they are.

        A malformed symbol (``》90%``) or an approximation (``90%左右``) has no standard
        spelling: writing ``90%`` would silently turn it into a bare number, so the raw text
        (stripped) is kept.
        """
        if self.kind != ValueKind.QUANTITATIVE or self.number is None:
            return self.text if self.text is not None else self.raw.strip()
        if self.operator_style in (OperatorStyle.MALFORMED, OperatorStyle.APPROXIMATE):
            return self.raw.strip()
        op = self.operator.value if self.operator else ""
        return f"{op}{_format_number(self.number)}{self.unit or ''}"


def _format_number(number: Decimal) -> str:
    text = format(number, "f")
    return text


def normalise_unit(unit: str | None) -> str | None:
    """Canonical spelling of a unit (``百分比`` → ``%``); None stays None."""
    if not unit:
        return None
    return UNIT_ALIASES.get(unit, unit)


def unit_in_name(name: str | None) -> str | None:
    """The unit an indicator name declares in brackets: ``奖励企业数 (个)`` → ``个``."""
    if not name:
        return None
    match = _NAME_UNIT.search(name)
    if not match:
        return None
    return normalise_unit(match.group(1).strip())


@lru_cache(maxsize=8192)
def parse_value(raw: str | None) -> IndicatorValue:
    """Parse one 指标值 cell. Never raises; the raw text is always kept.

    Results are cached by raw text: the same text always parses the same way, and an
    :class:`IndicatorValue` is frozen, so one instance may be shared (importers meet the same
    values again and again: "100%", "≥95%", the cells scored while rebuilding PDF rows).

    Examples:
        >>> parse_value("98%以上").canonical()
        '≥98%'
        >>> parse_value("》90%").operator_style
        <OperatorStyle.MALFORMED: 'malformed'>
    """
    raw = "" if raw is None else raw
    compact = _WHITESPACE.sub("", _SPACE_BETWEEN_DIGITS.sub("\x00", raw)).replace("\x00", " ")
    if not compact:
        return IndicatorValue(raw=raw, kind=ValueKind.EMPTY)
    text = raw.strip()
    if _DEADLINE.search(compact):
        return IndicatorValue(raw=raw, kind=ValueKind.DEADLINE, text=text)
    quantitative = _parse_quantitative(raw, compact)
    if quantitative is not None:
        return quantitative
    if _DIGIT.search(compact):
        return IndicatorValue(raw=raw, kind=ValueKind.UNPARSED, text=text)
    return IndicatorValue(raw=raw, kind=ValueKind.QUALITATIVE, text=text)


def _parse_quantitative(raw: str, compact: str) -> IndicatorValue | None:
    rest = compact
    operator: Comparison | None = None
    op_parts: list[str] = []
    style = OperatorStyle.NONE

    for word in _APPROX_PREFIX:
        if rest.startswith(word) and _NUMBER.match(rest[len(word):]):
            op_parts.append(word)
            rest = rest[len(word):]
            style = OperatorStyle.APPROXIMATE
            break
    if style is OperatorStyle.NONE:
        for symbol in MALFORMED_SYMBOLS:
            if rest.startswith(symbol):
                op_parts.append(symbol)
                rest = rest[len(symbol):]
                style = OperatorStyle.MALFORMED
                break
    if style is OperatorStyle.NONE:
        for symbol, comparison in _SYMBOLS:
            if rest.startswith(symbol):
                op_parts.append(symbol)
                rest = rest[len(symbol):]
                operator, style = comparison, OperatorStyle.SYMBOL
                break
    if style is OperatorStyle.NONE:
        for word, comparison in _PREFIX_WORDS:
            if rest.startswith(word):
                op_parts.append(word)
                rest = rest[len(word):]
                operator, style = comparison, OperatorStyle.WORD
                break

    match = _NUMBER.match(rest)
    if not match:
        return None
    number_text = match.group(1).replace(",", "").replace("，", "")
    try:
        number = Decimal(number_text)
    except InvalidOperation:
        return None
    rest = rest[match.end():]

    suffix_operator: Comparison | None = None
    for word in _APPROX_SUFFIX:
        if rest.endswith(word):
            op_parts.append(word)
            rest = rest[: -len(word)]
            style = OperatorStyle.APPROXIMATE
            operator = None
            break
    else:
        for word, comparison in _SUFFIX_WORDS:
            if rest.endswith(word):
                op_parts.append(word)
                rest = rest[: -len(word)]
                suffix_operator = comparison
                break
    if suffix_operator is not None and style is not OperatorStyle.APPROXIMATE:
        if operator is None and style is OperatorStyle.NONE:
            operator, style = suffix_operator, OperatorStyle.WORD
        elif style is OperatorStyle.SYMBOL:
            # "≥95%以上": the symbol wins; the redundant word stays in operator_text.
            style = OperatorStyle.WORD

    unit_text = rest or None
    if unit_text is not None and not _UNIT.match(unit_text):
        return None
    return IndicatorValue(
        raw=raw,
        kind=ValueKind.QUANTITATIVE,
        operator=operator,
        operator_text="".join(op_parts) or None,
        operator_style=style,
        number=number,
        unit=normalise_unit(unit_text),
        unit_text=unit_text,
    )

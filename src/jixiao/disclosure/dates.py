"""The approval (批复) and publication (公开) dates of a disclosure, as the document states them.

DIS-06 (domain.md §8) asks that a department publish its budget within 20 days of the 批复. Most
documents state neither date; the readers take one only where the text says it plainly, and keep
the sentence it came from (``StatedDate.evidence``) and its place:

- 批复日期: a date in the same sentence as 批复 and a word of approval (``…于2025年1月20日批复…``,
  ``2025年1月20日，区财政局批复…``, ``批复日期：2025年1月20日``). A 批复 document number without
  a date (``苏财预〔2019〕7号``) gives no date.
- 公开日期: ``公开日期/发布日期/公开时间：…``, or a line holding nothing but a date on the cover
  (the first page, before any table), as Jiangsu's 省法院 2018 prints it.

Dates not found stay None; the caller (CLI ``--approved-on``/``--published-on``, the web page)
may supply them, and the rule stays silent while either is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from jixiao.disclosure.model import Disclosure, StatedDate
from jixiao.model import SourceRef

_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_APPROVAL_LABEL = re.compile(r"批复(?:日期|时间)\s*[:：]\s*" + _DATE)
_APPROVED_IN_SENTENCE = re.compile(_DATE + r"[^。；]{0,30}?批复|批复[^。；]{0,6}?于\s*" + _DATE)
_PUBLICATION_LABEL = re.compile(r"(?:公开|发布)(?:日期|时间)\s*[:：]\s*" + _DATE)
_DATE_ONLY = re.compile(r"^\s*" + _DATE + r"\s*$")
_COVER_LINES = 40


def _date(groups: Iterable[str | None]) -> date | None:
    parts = [g for g in groups if g is not None][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in "。；\n") + 1
    rights = [i for i in (text.find(mark, end) for mark in "。；\n") if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def find_dates(
    pages: Iterable[tuple[str, SourceRef | None]], *, cover: str | None = None, cover_source: SourceRef | None = None,
) -> tuple[StatedDate | None, StatedDate | None]:
    """(批复日期, 公开日期) stated in ``pages`` — text pieces with their place — and on the ``cover``.

    The first plain statement of each wins; nothing is guessed from dates of other things
    (实施周期, 截至…固定资产, the year of the budget).
    """
    approved: StatedDate | None = None
    published: StatedDate | None = None
    for text, source in pages:
        if approved is None:
            match = _APPROVAL_LABEL.search(text) or _APPROVED_IN_SENTENCE.search(text)
            value = _date(match.groups()) if match else None
            if match and value is not None:
                approved = StatedDate(value=value, evidence=_sentence_around(text, match.start(), match.end()),
                                      source=source)
        if published is None:
            match = _PUBLICATION_LABEL.search(text)
            value = _date(match.groups()) if match else None
            if match and value is not None:
                published = StatedDate(value=value, evidence=_sentence_around(text, match.start(), match.end()),
                                       source=source)
    if published is None and cover:
        for line in cover.splitlines()[:_COVER_LINES]:
            match = _DATE_ONLY.match(line)
            value = _date(match.groups()) if match else None
            if value is not None:
                published = StatedDate(value=value, evidence=f"封面日期：{line.strip()}", source=cover_source)
                break
    return approved, published


def supplied(value: date | None, who: str = "由使用者提供") -> StatedDate | None:
    """A date given by the caller (CLI option, web form), marked as such."""
    return None if value is None else StatedDate(value=value, evidence=who)


def apply_dates(disclosure: Disclosure, *, approved_on: date | None = None, published_on: date | None = None) -> None:
    """Set the dates the caller supplied; a supplied date replaces one read from the document."""
    if approved_on is not None:
        disclosure.approved_on = supplied(approved_on)
    if published_on is not None:
        disclosure.published_on = supplied(published_on)

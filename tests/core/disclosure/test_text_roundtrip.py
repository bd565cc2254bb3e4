"""The text reader on generated Hebei-layout text: codes split over lines, names wrapped, tables
continued under repeated page headers (hypothesis). Every row has 基本 and 项目 filled, so the
placement of its numbers is unambiguous and the round trip must be exact."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.disclosure.model import TableKind
from jixiao.disclosure.parse_text import parse_disclosure_text

HEADER = """ 777 虚构示范局 预算年度：2025 单位：万元

序号

功能分类科目

合计 基本支出 项目支出 经营支出
科目

编码
科目名称

栏次 1 2 3 4 5 6
"""
NAMES = st.text(alphabet="一般公共服务科学技术管理事务运行其他支出", min_size=2, max_size=14)
CENTS = st.integers(min_value=1, max_value=9_999_999).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def rows(draw: st.DrawFn) -> list[tuple[str | None, str, Decimal, Decimal]]:
    """(code, name, basic, project) rows of a consistent 类/款/项 tree, 合计 first."""
    out: list[tuple[str | None, str, Decimal, Decimal]] = []
    grand = [Decimal(0), Decimal(0)]
    for c in range(draw(st.integers(1, 3))):
        class_code = f"2{c + 1:02d}"
        class_rows, class_sum = [], [Decimal(0), Decimal(0)]
        for k in range(draw(st.integers(1, 2))):
            kuan = f"{class_code}{k + 1:02d}"
            leaves = [(f"{kuan}{i + 1:02d}", draw(NAMES), draw(CENTS), draw(CENTS)) for i in range(draw(st.integers(1, 3)))]
            basic, project = sum(x[2] for x in leaves), sum(x[3] for x in leaves)
            class_rows += [(kuan, draw(NAMES), basic, project), *leaves]
            class_sum = [class_sum[0] + basic, class_sum[1] + project]
        out += [(class_code, draw(NAMES), class_sum[0], class_sum[1]), *class_rows]
        grand = [grand[0] + class_sum[0], grand[1] + class_sum[1]]
    return [(None, "合计", grand[0], grand[1]), *out]


def _render(table: list[tuple[str | None, str, Decimal, Decimal]], page_rows: int, wrap: int) -> str:
    """The table as PDF-extracted text of the Hebei layout."""
    parts = [" 部门预算支出总表\n" + HEADER]
    for number, (code, name, basic, project) in enumerate(table, start=1):
        if number > 1 and (number - 1) % page_rows == 0:
            parts.append(HEADER)
        numbers = f"{basic + project:.2f} {basic:.2f} {project:.2f}"
        lines = [name[i:i + wrap] for i in range(0, len(name), wrap)]
        if code is not None and len(code) == 7:
            parts.append(f"{number}\n{code[:6]}\n{code[6:]}\n" + "\n".join([*lines[:-1], lines[-1] + " " + numbers]))
        else:
            head = f"{number} {code} " if code else f"{number} "
            parts.append(head + "\n".join([*lines[:-1], lines[-1] + " " + numbers]) if len(lines) > 1 else
                         head + lines[0] + " " + numbers)
    return "\n\n".join(parts) + "\n"


@settings(max_examples=50, deadline=None)
@given(rows(), st.integers(2, 9), st.integers(2, 7))
def test_parse_text_generated_table_roundtrip(table, page_rows: int, wrap: int) -> None:
    """Codes, names and amounts come back exactly, whatever the page breaks and name wrapping."""
    parsed = parse_disclosure_text(_render(table, page_rows, wrap), file="gen.txt").classified(TableKind.T3)
    got = [(r.code, r.name, r.basic, r.project) for r in parsed.rows]
    assert got == table

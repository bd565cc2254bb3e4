"""Hypothesis strategies for the domain model: values, money, indicator trees, whole forms.

Shared by the model tests, the importer and renderer round-trip properties
(``load(render(form)) == form``) and the review properties. Everything generated is
fictional and is what a tidy importer would produce from a well-formed file:

* every text is one printable line, stripped, without tabs (safe in every layout);
* every :class:`~jixiao.model.IndicatorValue` is ``parse_value(raw)`` of a generated raw
  text, so it is exactly what the parser gives back for that text;
* indicator rows come grouped in document order under the 一级/二级 labels of one regime
  (A: 成本 under 产出; B: 成本 first level), with ``level1``/``level2`` as printed and the
  members filled in by the model;
* money is ``Decimal`` in the form's unit with at most 4 (万元) or 2 (元) decimals;
* provenance (``source``, ``field_sources``) is left empty unless asked for, because it
  does not survive a render/load round trip.

Every factory is cached (same arguments, same strategy object): strategies built afresh inside
draws are re-validated by hypothesis each time, which made whole forms slow to generate.

Typical use::

    from strategies import target_forms  # tests/ is on sys.path (tests/conftest.py)

    @given(target_forms())
    def test_json_round_trip(form): ...

Families: ``"guangdong"`` (seeds 000/001: 实施周期 and 当年度 values, 总金额/当年度金额) and
``"hebei"`` (seeds 003/004: 绩效指标描述, 指标值确定依据, one value, 预算数 with 财政资金).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Literal

from hypothesis import strategies as st

from jixiao.model import (
    SCHEMA_VERSION,
    DepartmentBudget,
    DepartmentTargetForm,
    ImportBatch,
    ImportedDocument,
    ImportProblem,
    Indicator,
    IndicatorValue,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProblemSeverity,
    ProjectTargetForm,
    SourceRef,
    SpendingPlan,
    SpendingPoint,
    SubGoal,
    parse_value,
)

Family = Literal["guangdong", "hebei"]
Regime = Literal["A", "B"]

FAMILIES: tuple[Family, ...] = ("guangdong", "hebei")

# Common characters of the forms; no digits, so that names never look like values.
_HAN = (
    "工业企业服务发展项目资金管理培训科技创新平台建设经济社会生态效益质量数量时效成本"
    "满意度群众对象补助奖励专项规划监测运行安全信息产业园区农村基层公共设施设备维护"
    "保障推进完成提升开展组织实施宣传检查验收标准制度改革示范中心站点城乡道路环境"
)
_PUNCT = "、，（）"

#: 二级 labels under each 一级, as printed, per regime (domain.md §1.3).
REGIME_TREES: dict[Regime, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "A": (
        ("产出指标", ("数量指标", "质量指标", "时效指标", "成本指标")),
        ("效益指标", ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
        ("满意度指标", ("服务对象满意度指标",)),
    ),
    "B": (
        ("成本指标", ("经济成本指标", "社会成本指标", "生态环境成本指标")),
        ("产出指标", ("数量指标", "质量指标", "时效指标")),
        ("效益指标", ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
        ("满意度指标", ("服务对象满意度指标",)),
    ),
}

UNITS = ("%", "个", "家", "人", "人次", "次", "项", "天", "万元", "元", "平方米", "公里", "场", "户")
COMPARISON_SPELLINGS = ("", "≥", "≤", "＞", "＜", "=", ">=", "<=", ">", "<", "≧")
PREFIX_WORDS = ("不低于", "不少于", "大于", "高于", "不超过", "不高于", "小于", "低于", "等于")
SUFFIX_WORDS = ("以上", "及以上", "以下", "以内")
QUALITATIVE_WORDS = (
    "及时", "达标", "通过验收", "符合规定", "规划编制完整、合规", "有效提升", "明显改善",
    "出台办法并印发", "以文件为准", "以上级文件为准", "提供产业园区大数据辅助决策",
)


@cache
def han_text(min_size: int = 2, max_size: int = 16, *, punctuation: bool = False) -> st.SearchStrategy[str]:
    """One line of Chinese text from the forms' own vocabulary (no digits, no tabs)."""
    if not punctuation:
        return st.text(alphabet=_HAN, min_size=min_size, max_size=max_size)
    # Punctuation only inside, built rather than filtered (filters make generation slow).
    return st.builds(
        lambda first, middle, last: first + middle + last,
        st.sampled_from(_HAN),
        st.text(alphabet=_HAN + _PUNCT, min_size=max(min_size - 2, 0), max_size=max(max_size - 2, 0)),
        st.sampled_from(_HAN),
    )


@cache
def numbers(*, places: int = 2, max_value: int = 100_000) -> st.SearchStrategy[Decimal]:
    """Non-negative decimals with at most ``places`` decimals, written without exponent."""
    return st.decimals(
        min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False
    ).map(lambda d: Decimal(format(d, "f")))


@cache
def number_texts() -> st.SearchStrategy[str]:
    """A number as a user writes it: ``95``, ``0.5``, ``1000``."""
    return st.one_of(
        st.integers(min_value=0, max_value=100_000).map(str),
        numbers(places=2).map(lambda d: format(d, "f")),
    )


@cache
@st.composite
def quantitative_value_texts(draw: st.DrawFn, *, canonical_only: bool = False) -> str:
    """Raw text of a quantitative 指标值: ``≥95%``, ``大于3家``, ``98%以上``, ``15``.

    With ``canonical_only`` the comparison is one of the canonical symbols (or none) and the
    unit is canonical, so ``parse_value(text).canonical() == text``.
    """
    number = draw(number_texts())
    unit = draw(st.sampled_from(("", *UNITS)))
    if canonical_only:
        op = draw(st.sampled_from(("", "≥", "≤", "＞", "＜", "=")))
        if number != format(Decimal(number), "f"):
            number = format(Decimal(number), "f")
        return f"{op}{number}{unit}"
    style = draw(st.sampled_from(("symbol", "prefix", "suffix")))
    if style == "symbol":
        return f"{draw(st.sampled_from(COMPARISON_SPELLINGS))}{number}{unit}"
    if style == "prefix":
        return f"{draw(st.sampled_from(PREFIX_WORDS))}{number}{unit}"
    return f"{number}{unit}{draw(st.sampled_from(SUFFIX_WORDS))}"


@cache
def deadline_texts() -> st.SearchStrategy[str]:
    """A 时效 deadline: ``2025年12月底前``, ``6月底``, ``每月10日前``."""
    return st.one_of(
        st.builds(lambda y, m: f"{y}年{m}月底前", st.integers(2024, 2027), st.integers(1, 12)),
        st.integers(1, 12).map(lambda m: f"{m}月底"),
        st.integers(1, 28).map(lambda d: f"每月{d}日前"),
    )


@cache
def qualitative_texts() -> st.SearchStrategy[str]:
    """Words only: ``及时``, ``通过验收``, or generated text without digits."""
    return st.one_of(st.sampled_from(QUALITATIVE_WORDS), han_text(2, 12))


@cache
def value_texts() -> st.SearchStrategy[str]:
    """Any 指标值 text a form may hold (quantitative, qualitative, deadline)."""
    return st.one_of(quantitative_value_texts(), qualitative_texts(), deadline_texts())


@cache
def indicator_values(*, quantitative_only: bool = False) -> st.SearchStrategy[IndicatorValue]:
    """Parsed values: exactly what :func:`parse_value` gives for a generated text."""
    texts = quantitative_value_texts() if quantitative_only else value_texts()
    return texts.map(parse_value)


@cache
def money(unit: MoneyUnit = MoneyUnit.WAN_YUAN, *, max_value: int = 1_000_000) -> st.SearchStrategy[Money]:
    """An amount in ``unit``: up to 4 decimals in 万元, 2 in 元."""
    places = 4 if unit == MoneyUnit.WAN_YUAN else 2
    return numbers(places=places, max_value=max_value).map(lambda d: Money(amount=d, unit=unit))


@cache
def source_refs(file: str = "示例.txt") -> st.SearchStrategy[SourceRef]:
    """A line range in a text file."""
    return st.builds(
        lambda line, extra: SourceRef(file=file, line=line, line_end=line + extra if extra else None),
        st.integers(1, 500),
        st.integers(0, 3),
    )


_COUNTS = st.integers(1, 2)
_COUNTS_WITH_PLACEHOLDERS = st.integers(0, 2)
_DESCRIPTIONS = st.none() | han_text(4, 30, punctuation=True)
_VALUE_BASES = st.none() | st.sampled_from(("计划标准", "历史标准", "行业标准", "预算支出标准"))


@cache
def _level2_choices(level2s: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(level2s), min_size=1, max_size=len(level2s), unique=True)


@cache
@st.composite
def indicators(
    draw: st.DrawFn,
    *,
    family: Family = "guangdong",
    regime: Regime = "A",
    with_sources: bool = False,
    placeholders: bool = True,
) -> list[Indicator]:
    """The indicator table of one form, in document order.

    Every 一级 of the regime appears with at least one row; a 二级 has zero to two
    indicators, or (when ``placeholders``) may appear as an empty placeholder row as in the
    printed forms. Guangdong rows carry ``period_value`` and ``annual_value``; Hebei rows carry
    ``annual_value``, ``description`` and ``value_basis``.
    """
    rows: list[Indicator] = []
    line = 20
    counts = _COUNTS_WITH_PLACEHOLDERS if placeholders else _COUNTS
    for level1, level2s in REGIME_TREES[regime]:
        chosen = draw(_level2_choices(level2s))
        for level2 in (l2 for l2 in level2s if l2 in chosen):
            count = draw(counts)
            if count == 0:
                rows.append(Indicator(level1=level1, level2=level2))
                continue
            for _ in range(count):
                line += 1
                annual = draw(indicator_values())
                fields: dict[str, object] = {
                    "level1": level1,
                    "level2": level2,
                    "name": draw(han_text(3, 14)),
                    "annual_value": annual,
                }
                if family == "guangdong":
                    same = draw(st.booleans())
                    fields["period_value"] = annual if same else draw(indicator_values())
                else:
                    fields["description"] = draw(_DESCRIPTIONS)
                    fields["value_basis"] = draw(_VALUE_BASES)
                if with_sources:
                    fields["source"] = SourceRef(file="示例.txt", line=line)
                rows.append(Indicator(**fields))
    return rows


@cache
def org_refs() -> st.SearchStrategy[OrgRef]:
    """``144001-示例县工业局`` as code + name + raw."""
    return st.builds(
        lambda code, name: OrgRef(code=code, name=name, raw=f"{code}-{name}"),
        st.integers(100000, 999999).map(str),
        han_text(4, 12).map(lambda text: f"示例县{text}局"),
    )


def _unit_of(family: Family) -> MoneyUnit:
    return MoneyUnit.WAN_YUAN if family == "guangdong" else MoneyUnit.YUAN


@cache
@st.composite
def project_forms(
    draw: st.DrawFn,
    *,
    family: Family | None = None,
    regime: Regime | None = None,
    with_sources: bool = False,
) -> ProjectTargetForm:
    """A 项目支出绩效目标表 of the Guangdong or the Hebei family."""
    family = family or draw(st.sampled_from(FAMILIES))
    regime = regime or draw(st.sampled_from(("A", "B")))
    unit = draw(st.sampled_from((MoneyUnit.WAN_YUAN, MoneyUnit.YUAN))) if family == "hebei" else _unit_of(family)
    year = draw(st.integers(2023, 2027))
    fields: dict[str, object] = {
        "title": f"{year}年项目支出绩效目标表",
        "budget_year": year,
        "money_unit": unit,
        "project_name": draw(han_text(4, 20)),
        "indicators": draw(indicators(family=family, regime=regime, with_sources=with_sources)),
    }
    annual = draw(money(unit))
    if family == "guangdong":
        start = draw(st.integers(year - 2, year))
        end = draw(st.integers(year, year + 2))
        extra = draw(numbers(places=4, max_value=10_000))
        fields |= {
            "competent_department": draw(org_refs()),
            "spending_unit": draw(org_refs()),
            "start_year": start,
            "end_year": end,
            "total_amount": Money(amount=annual.amount + (extra if end > start else 0), unit=unit),
            "annual_amount": annual,
            "overview": draw(st.none() | han_text(6, 40, punctuation=True)),
            "period_goal": draw(han_text(6, 40, punctuation=True)),
            "annual_goal": draw(han_text(6, 40, punctuation=True)),
        }
    else:
        fiscal = draw(st.decimals(min_value=0, max_value=annual.amount, places=2 if unit == MoneyUnit.YUAN else 4))
        fiscal = Decimal(format(fiscal, "f"))
        fields |= {
            "project_code": f"130303{year % 100:02d}P{draw(st.integers(0, 99_999_999)):08d}N",
            "project_type": draw(st.sampled_from(("331-部门预算部门职能类", "332-部门预算专项类"))),
            "spending_unit": draw(org_refs()),
            "annual_amount": annual,
            "fiscal_funds": Money(amount=fiscal, unit=unit),
            "other_funds": Money(amount=annual.amount - fiscal, unit=unit),
            "fund_use": draw(st.none() | han_text(4, 30, punctuation=True)),
            "annual_goal": draw(han_text(6, 40, punctuation=True)),
            "spending_plan": draw(st.none() | spending_plans()),
        }
    if with_sources:
        fields["source"] = SourceRef(file="示例.txt", line=1, line_end=60)
        fields["field_sources"] = {"project_name": SourceRef(file="示例.txt", line=3)}
    return ProjectTargetForm(**fields)


@cache
@st.composite
def spending_plans(draw: st.DrawFn) -> SpendingPlan:
    """资金支出计划 (%): cumulative, non-decreasing, ending at 100."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=3, max_size=3)))
    points = [
        SpendingPoint(label=f"{month}月底", month=month, value=Decimal(value), raw=str(value))
        for month, value in zip((3, 6, 10, 12), (*cuts, 100), strict=True)
    ]
    return SpendingPlan(header_unit="%", points=points)


@cache
@st.composite
def key_tasks(draw: st.DrawFn, *, unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> list[KeyTask]:
    """年度重点工作任务 rows ``任务1`` … with planned amounts."""
    count = draw(st.integers(1, 4))
    return [
        KeyTask(
            label=f"任务{index}",
            name=draw(han_text(3, 12)),
            content=draw(han_text(6, 40, punctuation=True)),
            planned_amount=draw(st.none() | money(unit, max_value=10_000)),
            expected_result=draw(st.none() | han_text(6, 40, punctuation=True)),
        )
        for index in range(1, count + 1)
    ]


@cache
@st.composite
def department_budgets(draw: st.DrawFn, *, unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> DepartmentBudget:
    """预算整体情况 that balances: 基本 + 项目 = 财政拨款 + 其他资金."""
    basic = draw(numbers(places=4, max_value=10_000))
    project = draw(numbers(places=4, max_value=10_000))
    other = draw(st.decimals(min_value=0, max_value=basic + project, places=4))
    other = Decimal(format(other, "f"))
    return DepartmentBudget(
        basic_expenditure=Money(amount=basic, unit=unit),
        project_expenditure=Money(amount=project, unit=unit),
        special_funds=draw(st.none() | money(unit, max_value=1_000)),
        other_development_expenditure=draw(st.none() | money(unit, max_value=1_000)),
        fiscal_appropriation=Money(amount=basic + project - other, unit=unit),
        other_funds=Money(amount=other, unit=unit),
    )


@cache
@st.composite
def department_forms(
    draw: st.DrawFn,
    *,
    family: Family | None = None,
    regime: Regime | None = None,
    with_sources: bool = False,
) -> DepartmentTargetForm:
    """A 部门整体绩效目标表: Guangdong (budget block, key tasks, indicator table) or Hebei
    (overall goal, 分项绩效目标 with named indicators, key tasks)."""
    family = family or draw(st.sampled_from(FAMILIES))
    regime = regime or draw(st.sampled_from(("A", "B")))
    year = draw(st.integers(2023, 2027))
    name = draw(han_text(4, 12).map(lambda text: f"示例县{text}局"))
    fields: dict[str, object] = {
        "budget_year": year,
        "department_name": name,
        "overall_goal": draw(han_text(10, 60, punctuation=True)),
    }
    if family == "guangdong":
        fields |= {
            "title": f"{year}年县级部门整体预算绩效目标表",
            "money_unit": MoneyUnit.WAN_YUAN,
            "funded_headcount": draw(st.integers(0, 500)),
            "subordinate_units": draw(st.integers(0, 10)),
            "budget": draw(department_budgets()),
            "key_tasks": draw(key_tasks()),
            "indicators": draw(indicators(family="guangdong", regime=regime, with_sources=with_sources)),
        }
    else:
        sub_goals = [
            SubGoal(
                title=draw(han_text(4, 16)),
                goal=draw(han_text(6, 40, punctuation=True)),
                indicators=[Indicator(name=draw(han_text(3, 14))) for _ in range(draw(st.integers(1, 4)))],
            )
            for _ in range(draw(st.integers(1, 3)))
        ]
        fields |= {
            "title": "部门整体绩效目标",
            "money_unit": MoneyUnit.YUAN,
            "sub_goals": sub_goals,
            "key_tasks": draw(key_tasks(unit=MoneyUnit.YUAN)),
        }
    if with_sources:
        fields["source"] = SourceRef(file="示例.txt", line=1, line_end=40)
        fields["field_sources"] = {"overall_goal": SourceRef(file="示例.txt", line=12)}
    return DepartmentTargetForm(**fields)


@cache
def target_forms(
    *, family: Family | None = None, regime: Regime | None = None, with_sources: bool = False
) -> st.SearchStrategy[DepartmentTargetForm | ProjectTargetForm]:
    """Either form, of either family and regime unless fixed."""
    return st.one_of(
        department_forms(family=family, regime=regime, with_sources=with_sources),
        project_forms(family=family, regime=regime, with_sources=with_sources),
    )


@cache
def import_problems() -> st.SearchStrategy[ImportProblem]:
    return st.builds(
        ImportProblem,
        severity=st.sampled_from(list(ProblemSeverity)),
        code=st.sampled_from(("row-skipped", "value-column-shifted", "truncated-file")),
        message=han_text(4, 20),
        source=st.none() | source_refs(),
        text=st.none() | han_text(1, 10),
    )


@cache
@st.composite
def imported_documents(draw: st.DrawFn, *, family: Family | None = None) -> ImportedDocument:
    """One imported file: a department form and its project forms, with a few problems."""
    family = family or draw(st.sampled_from(FAMILIES))
    regime = draw(st.sampled_from(("A", "B")))
    forms = [draw(department_forms(family=family, regime=regime, with_sources=True))]
    forms += draw(st.lists(project_forms(family=family, regime=regime, with_sources=True), max_size=2))
    return ImportedDocument(
        file=f"示例-{family}.txt",
        layout=f"project-target/tsv-{family}-test",
        encoding="utf-8",
        forms=forms,
        problems=draw(st.lists(import_problems(), max_size=2)),
    )


@cache
def import_batches() -> st.SearchStrategy[ImportBatch]:
    """The JSON export: one or two documents (large: use ``HealthCheck.too_slow`` if needed)."""
    return st.lists(imported_documents(), min_size=1, max_size=2).map(
        lambda docs: ImportBatch(schema_version=SCHEMA_VERSION, documents=docs)
    )

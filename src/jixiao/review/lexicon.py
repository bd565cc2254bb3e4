"""Word lists and small classifiers the rules share (indicator names, units, vague words).

Kept in one place so that the rules agree on what a rate, a count, an amount or a
budget-execution measure is. All matching is on text with spaces removed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao.model import (
    Indicator,
    IndicatorCategory,
    IndicatorSubcategory,
    IndicatorValue,
    Money,
    unit_in_name,
)
from jixiao.model import MoneyUnit as MU

COUNT_UNITS = frozenset(
    ["个", "家", "人", "次", "人次", "户", "件", "项", "场", "期", "批", "台", "套", "辆", "间", "起", "篇", "份", "所", "座", "处", "名", "位", "本", "册", "张", "条", "块", "亩", "个次", "家次", "场次", "项次", "户次", "批次", "例", "部", "只", "头", "棵", "株", "吨", "公里", "千米", "米", "平方米", "万人次", "万人", "种", "类", "支", "队", "组"]
)
MONEY_UNITS = {"元": MU.YUAN, "万元": MU.WAN_YUAN}
EXTRA_MONEY_UNITS = {"亿元": Decimal(10000), "千元": Decimal("0.1")}
PERCENT = "%"

_BRACKET = re.compile(r"[（(][^（）()]*[)）]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def squash(text: str | None) -> str:
    return _SPACE.sub("", text or "")


@lru_cache(maxsize=8192)
def core_name(name: str | None) -> str:
    """The name without spaces and bracketed units: ``奖励企业数 (个)`` → ``奖励企业数``."""
    return _BRACKET.sub("", squash(name))


_RATE = re.compile(r"(?<!效)(率|比例|比重|占比|满意度|满意程度|百分比|覆盖面)$")
_COUNT = re.compile(r"(数|数量|个数|家数|人数|人次|次数|户数|件数|场次|总量|总数)$")
_MONEY_NAME = re.compile(r"(预算|资金|经费|金额|费用|成本)(控制)?数$")
_GROWTH = re.compile(r"增长|增速|增幅|增加值|增长率|提升率|提高率|下降率|降低率|减少率")


def is_rate(indicator: Indicator) -> bool:
    """A rate or share: ``…率``, ``比例``, ``满意度`` or a ``(%)`` in the name."""
    return _is_rate(indicator.name)


@lru_cache(maxsize=8192)
def _is_rate(raw_name: str | None) -> bool:
    if unit_in_name(raw_name) == PERCENT:
        return True
    name = core_name(raw_name)
    return "/" in name or bool(_RATE.search(name))


def is_count(indicator: Indicator) -> bool:
    """A count: ``…数``, ``…数量``, ``…人次`` or a count unit in the name."""
    return not is_cost(indicator) and _is_count(indicator.name)


@lru_cache(maxsize=8192)
def _is_count(raw_name: str | None) -> bool:
    unit = unit_in_name(raw_name)
    if unit in COUNT_UNITS:
        return True
    if unit == PERCENT:
        return False
    name = core_name(raw_name)
    if _MONEY_NAME.search(name) or "/" in name:
        return False
    return bool(_COUNT.search(name)) and not _RATE.search(name)


def is_growth(indicator: Indicator) -> bool:
    return bool(_GROWTH.search(core_name(indicator.name)))


def is_cost(indicator: Indicator) -> bool:
    """An indicator filed as cost (成本 一级, or a 成本 / 经济成本 二级)."""
    return (indicator.category == IndicatorCategory.COST and indicator.subcategory not in (
        IndicatorSubcategory.SOCIAL_COST, IndicatorSubcategory.ECOLOGICAL_COST
    )) or indicator.subcategory in (IndicatorSubcategory.COST, IndicatorSubcategory.ECONOMIC_COST)


def money_of(value: IndicatorValue | None) -> Money | None:
    """The amount of a quantitative value written with a money unit, else None."""
    if value is None or not value.is_quantitative or value.number is None:
        return None
    if value.unit in MONEY_UNITS:
        return Money(amount=value.number, unit=MONEY_UNITS[value.unit])
    if value.unit in EXTRA_MONEY_UNITS:
        return Money(amount=value.number * EXTRA_MONEY_UNITS[value.unit], unit=MU.WAN_YUAN)
    return None


BUDGET_EXECUTION = re.compile(
    r"预算执行率|执行率|支出进度|支出率|到位率|支付率|资金执行情况|预算执行情况|"
    r"(资金|预算|经费)[^，,]{0,4}(使用率|使用效率|保障率)|资金使用率|预算使用率"
)
COMPLIANCE = re.compile(r"(资金|支出|采购|财务|经费|预算|招标|合同)[^，,]{0,6}(合规|规范)|专款专用|违规违纪|违纪|违法违规")
SATISFACTION_NAME = re.compile(r"满意")
COMPLAINT = re.compile(r"投诉率|投诉")
SUPERIOR_SUBJECT = re.compile(r"上级|领导|主管部门|财政部门|上级部门")
TIMELINESS = re.compile(r"及时|按时|准时|时限|时间|进度|期限|周期|完成时间")
QUALITY_CAP_WORDS = re.compile(r"投诉|事件|事故|案件|差错|违规|违纪|超支|超概|超预算|时长|天数|时间|周期|期限|成本|费用|金额|补助|补贴|发生率|失误|不合格|下降|降低|减少|能耗|排放|污染")
FULL_TARGET = re.compile(r"合规|准确率|缴纳率|参保率|专款专用|到账率")
ECOLOGY = re.compile(r"生态|环境|绿色|节能|减排|排放|污染|能耗|低碳|资源|环保|碳|水|空气|大气|土壤|植|林|清洁|噪|废|循环")
MACRO = re.compile(r"工业增加值|生产总值|GDP|社会消费品零售总额|进出口|财政收入|税收收入|固定资产投资|地区经济发展|经济增长|增加值")
OVERRUN = re.compile(r"超概|超预算|超支|超出预算")

VAGUE_WORDS = frozenset(
    ["提高", "提升", "促进", "保障", "保证", "明显", "积极作用", "充足", "准确", "达到", "增强", "改善", "加强", "推动", "扩大", "增加", "有效", "良好", "较好", "显著", "稳定", "持续", "进一步", "进一步提升", "进一步增强", "进一步提高", "进一步保障", "不断提高", "有所提高", "有所提升", "效果明显", "作用明显", "积极", "精简", "正常", "健全", "完善", "满意", "较高", "高效", "优化"]
)
_VAGUE_TAIL = re.compile(
    r"(进一步|不断|持续|有效|明显|显著|大幅|有所|逐步)?(提高|提升|增强|促进|保障|保证|改善|扩大|加强|推动|增加|"
    r"积极作用|积极推广作用|推广作用|带动作用|示范作用|作用明显|效果明显|明显)$"
)
_GRADABLE = re.compile(r"通过|完成|印发|出台|达标|验收|合格|符合|达到[^，,]{2,}|建成|开通|上线|无|否|是|未发生|零")

PLACEHOLDER = re.compile(r"以[^，。；]{0,24}为准|待定|另行(通知|确定)|见附件|按实际|据实|暂无|详见|按文件|^[-—/无]+$|^(空|略)$")


def is_vague(text: str) -> bool:
    """A qualitative value that cannot be graded: ``提高``, ``进一步提升``, ``起到积极推广作用``."""
    compact = squash(text).rstrip("。.")
    if not compact or re.search(r"\d", compact):
        return False
    if compact in VAGUE_WORDS:
        return True
    if _GRADABLE.search(compact):
        return False
    return len(compact) <= 14 and bool(_VAGUE_TAIL.search(compact))


def is_placeholder_text(text: str) -> bool:
    return bool(PLACEHOLDER.search(squash(text)))


SCOPE_WORDS = ("全国", "全省", "全市", "全区", "全县")
_LEVEL_SCOPE = {"县": "全县", "区": "全区", "市": "全市", "省": "全省"}


def department_level(name: str | None) -> str | None:
    """"县", "区", "市" or "省" from a department name (``玉田县工业和信息化局`` → "县")."""
    text = squash(name)
    match = re.search(r"^[^局委办厅部]{1,8}?(县|区|市|省|州|旗)", text)
    if not match:
        return None
    level = match.group(1)
    return {"州": "市", "旗": "县"}.get(level, level)


def allowed_scope(level: str) -> str | None:
    return _LEVEL_SCOPE.get(level)


_VIEWS: dict[int, tuple[object, list, list]] = {}


def _view(form):  # type: ignore[no-untyped-def]
    """Rows and value cells of a form, computed once per form while a review runs."""
    entry = _VIEWS.get(id(form))
    if entry is not None and entry[0] is form:
        return entry
    rows = list(form.iter_indicators())
    if form.kind.value == "department":
        for s, sub in enumerate(form.sub_goals):
            for i, indicator in enumerate(sub.indicators):
                if not indicator.is_placeholder:
                    rows.append((("sub_goals", s, "indicators", i), indicator))
    values = [((*loc, field), indicator, value)
              for loc, indicator in rows for field, value in indicator.values()]
    if len(_VIEWS) > 256:
        _VIEWS.clear()
    entry = (form, rows, values)
    _VIEWS[id(form)] = entry
    return entry


def forget() -> None:
    """Drop the cached views (the engine calls this after each document)."""
    _VIEWS.clear()


def iter_indicators(form):  # type: ignore[no-untyped-def]
    """Indicator rows with their loc, including those of 分项绩效目标 (department forms)."""
    return iter(_view(form)[1])


def iter_values(form):  # type: ignore[no-untyped-def]
    """``(loc, indicator, value)`` for every non-empty value cell of every indicator row."""
    return iter(_view(form)[2])


def span_years(form, placeholder_years) -> int | None:  # type: ignore[no-untyped-def]
    """Number of years of a project's implementation period, None when unknown or fake."""
    start, end = form.__dict__.get("start_year"), form.__dict__.get("end_year")
    if start is None or end is None or end in placeholder_years or end < start:
        return None
    return end - start + 1

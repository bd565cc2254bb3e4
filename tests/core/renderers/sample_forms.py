"""Fictional target forms for the renderer tests: one per layout family and form kind.

The departments, projects and figures are invented; only the layout follows the official forms.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import (
    DepartmentBudget,
    DepartmentTargetForm,
    Indicator,
    KeyTask,
    Money,
    MoneyUnit,
    OrgRef,
    ProjectTargetForm,
    SpendingPlan,
    SpendingPoint,
    SubGoal,
    parse_value,
)


def wan(text: str) -> Money:
    return Money(amount=Decimal(text), unit=MoneyUnit.WAN_YUAN)


def yuan(text: str) -> Money:
    return Money(amount=Decimal(text), unit=MoneyUnit.YUAN)


def ind(l1: str, l2: str, name: str, annual: str, period: str | None = None, **extra: str) -> Indicator:
    return Indicator(
        level1=l1, level2=l2, name=name,
        period_value=parse_value(period) if period is not None else None,
        annual_value=parse_value(annual),
        **extra,
    )


def gd_indicators(*, two_values: bool) -> list[Indicator]:
    def row(l1: str, l2: str, name: str, value: str) -> Indicator:
        return ind(l1, l2, name, value, value if two_values else None)

    return [
        row("产出指标", "数量指标", "培训基层农技人员数（人次）", "≥120人次"),
        row("产出指标", "数量指标", "新建示范田块数（块）", "8"),
        row("产出指标", "质量指标", "培训合格率（%）", "98%以上"),
        row("产出指标", "时效指标", "项目完成时间", "2025年11月底前"),
        row("产出指标", "成本指标", "", ""),
        row("效益指标", "经济效益指标", "", ""),
        row("效益指标", "社会效益指标", "带动农户增收", "明显提升"),
        row("效益指标", "生态效益指标", "", ""),
        row("效益指标", "可持续影响指标", "示范技术推广年限（年）", "≥3"),
        row("满意度指标", "服务对象满意度指标", "受训人员满意度（%）", "≥90%"),
    ]


def gd_county_department() -> DepartmentTargetForm:
    return DepartmentTargetForm(
        title="2025年县级部门整体预算绩效目标表",
        number="1",
        layout="department-target/tsv-gd-county-2025",
        budget_year=2025,
        money_unit=MoneyUnit.WAN_YUAN,
        department_name="青禾县农业技术推广中心",
        funded_headcount=36,
        subordinate_units=2,
        budget=DepartmentBudget(
            basic_expenditure=wan("412.5"), project_expenditure=wan("88.25"),
            other_development_expenditure=wan("12"),
            fiscal_appropriation=wan("512.75"), other_funds=wan("0"),
        ),
        overall_goal="做好基层农技推广服务，建设高产示范田，开展农技人员培训，全年培训不少于120人次。",
        key_tasks=[
            KeyTask(label="任务1", name="农技推广服务", content="开展农技人员培训和田间指导。",
                    planned_amount=wan("50"), expected_result="培训基层农技人员120人次以上。"),
            KeyTask(label="任务2", name="高产示范田建设", content="建设水稻高产示范田8块。",
                    planned_amount=wan("38.25"), expected_result="示范田亩产提高5%。"),
        ],
        indicators=gd_indicators(two_values=False),
        remarks=["备注：1. 本表的填报主体是县级一级预算单位。", "2. 本表在“二上”环节通过系统录入，具体字段信息以系统为准。"],
    )


def gd_county_project() -> ProjectTargetForm:
    return ProjectTargetForm(
        title="2025年县级项目支出绩效目标表",
        number="2",
        layout="project-target/tsv-gd-county-2025",
        budget_year=2025,
        money_unit=MoneyUnit.WAN_YUAN,
        project_name="高产示范田建设经费",
        project_type="331-部门预算部门职能类",
        project_level="二级项目",
        competent_department=OrgRef(code="208", name="青禾县农业农村局", raw="208-青禾县农业农村局"),
        spending_unit=OrgRef(code="208003", name="青禾县农业技术推广中心", raw="208003-青禾县农业技术推广中心"),
        start_year=2024,
        end_year=2026,
        total_amount=wan("120"),
        annual_amount=wan("38.25"),
        overview="在三个镇建设水稻高产示范田，推广新品种和配套栽培技术。",
        period_goal="三年建成示范田24块，推广面积达到1万亩。",
        annual_goal="建成示范田8块，培训农技人员120人次。",
        indicators=gd_indicators(two_values=True),
    )


def gd_city_department() -> DepartmentTargetForm:
    form = gd_county_department()
    return form.model_copy(update={
        "title": "市级部门整体预算绩效目标申报表",
        "number": None,
        "layout": "department-target/tsv-gd-city-2025",
        "department_name": "海川市农业技术推广中心",
        "budget": DepartmentBudget(
            basic_expenditure=wan("600"), project_expenditure=wan("75.5"),
            fiscal_appropriation=wan("675.5"), own_level_funds=wan("675.5"),
            own_level_label="市本级使用资金",
        ),
        "remarks": [],
    })


def gd_city_project() -> ProjectTargetForm:
    form = gd_county_project()
    return form.model_copy(update={
        "title": "项目支出绩效目标申报表",
        "number": None,
        "layout": "project-target/tsv-gd-city-2025",
        "competent_department": OrgRef(name="海川市农业农村局", raw="海川市农业农村局"),
        "spending_unit": OrgRef(name="海川市农业技术推广中心", raw="海川市农业技术推广中心"),
        "start_year": 2025, "end_year": 2025, "total_amount": wan("18.5"), "annual_amount": wan("18.5"),
        "period_goal": None,
    })


def hebei_project() -> ProjectTargetForm:
    def row(l1: str, l2: str, name: str, desc: str, value: str, basis: str) -> Indicator:
        return ind(l1, l2, name, value, description=desc, value_basis=basis)

    return ProjectTargetForm(
        title="农机安全检验经费绩效目标表",
        number="1",
        layout="project-target/docx-hebei-2025",
        budget_year=2025,
        money_unit=MoneyUnit.YUAN,
        project_name="农机安全检验经费",
        project_code="13990125P00012345678K",
        spending_unit=OrgRef(code="990001", name="平川县农业机械服务站", raw="990001平川县农业机械服务站"),
        annual_amount=yuan("86000.00"),
        fiscal_funds=yuan("86000.00"),
        other_funds=None,
        fund_use="用于拖拉机和联合收割机年度安全检验。",
        spending_plan=SpendingPlan(header_unit="%", points=[
            SpendingPoint(label="3月底", month=3, value=Decimal(20), raw="20%", unit="%"),
            SpendingPoint(label="6月底", month=6, value=Decimal(50), raw="50%", unit="%"),
            SpendingPoint(label="10月底", month=10, value=Decimal(80), raw="80%", unit="%"),
            SpendingPoint(label="12月底", month=12, value=Decimal(100), raw="100%", unit="%"),
        ]),
        annual_goal="1.完成全县在册农机年度安全检验，检验率不低于95%。",
        indicators=[
            row("产出指标", "数量指标", "检验农机数量（台）", "年度检验的拖拉机和收割机台数", "≥1200台", "年度工作计划"),
            row("产出指标", "质量指标", "检验覆盖率（%）", "已检验农机占在册农机的比例", "≥95百分比", "上年完成情况"),
            row("产出指标", "时效指标", "检验完成时间", "年度检验完成的时间", "2025年10月底前", "年度工作计划"),
            row("产出指标", "成本指标", "检验经费", "全年检验经费控制数", "≤8.6万元", "预算批复"),
            row("效益指标", "社会效益指标", "农机事故发生率", "在册农机发生安全事故的比例", "≤0.5%", "历史数据"),
            row("效益指标", "可持续影响指标", "农机安全管理长效机制", "检验制度落实情况", "建立并运行", "行业标准"),
            row("满意度指标", "服务对象满意度指标", "农机手满意度", "问卷调查满意和较满意的比例", "≥90%", "问卷调查"),
        ],
    )


def hebei_department() -> DepartmentTargetForm:
    return DepartmentTargetForm(
        title="部门整体绩效目标",
        layout="department-target/docx-hebei-2025",
        budget_year=2025,
        money_unit=MoneyUnit.YUAN,
        department_name="平川县农业机械服务站",
        overall_goal="围绕农机安全和农机化推广两项职能，完成年度检验任务，推广保护性耕作技术。",
        sub_goals=[
            SubGoal(title="农机安全监管", goal="保障全县农机安全生产，事故率下降。",
                    indicators=[Indicator(name="检验覆盖率", annual_value=parse_value("≥95%")),
                                Indicator(name="农机事故发生率")]),
            SubGoal(title="农机化技术推广", goal="推广保护性耕作技术。",
                    indicators=[Indicator(name="推广面积")]),
        ],
        guarantee_measures=["完善制度建设、加强支出管理、加强绩效运行监控、做好绩效自评。"],
    )


ALL_FORMS = {
    "gd-county-department": gd_county_department,
    "gd-county-project": gd_county_project,
    "gd-city-department": gd_city_department,
    "gd-city-project": gd_city_project,
    "hebei-department": hebei_department,
    "hebei-project": hebei_project,
}


def big_project(count: int = 60) -> ProjectTargetForm:
    """A Guangdong project form with ``count`` indicators, for page breaks and the benchmark."""
    form = gd_county_project()
    tree = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
            ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    indicators = []
    for index in range(count):
        l1, l2 = tree[index * len(tree) // count]
        indicators.append(ind(l1, l2, f"示范指标第{index + 1}项（个）", f"≥{index + 1}个", f"≥{index + 1}个"))
    return form.model_copy(update={"indicators": indicators})

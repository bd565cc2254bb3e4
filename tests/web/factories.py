"""Shared test data for the web tests: a project form and the organisation/user world."""

from __future__ import annotations

from jixiao.model import Money, ProjectTargetForm, parse_value
from jixiao.model.indicators import Indicator
from jixiao_web.accounts.models import Role, User
from jixiao_web.orgs.models import BudgetYear, Organisation, OrgKind


def make_project(name: str = "示例县义务教育学校设备购置项目", *, indicators: int = 3) -> ProjectTargetForm:
    rows = [
        Indicator(level1="产出指标", level2="数量指标", name="购置教学设备", period_value=parse_value("≥120台"), annual_value=parse_value("≥120台")),
        Indicator(level1="产出指标", level2="质量指标", name="设备验收合格率", period_value=parse_value("100%"), annual_value=parse_value("100%")),
        Indicator(level1="满意度指标", level2="服务对象满意度指标", name="师生满意度", period_value=parse_value("≥90%"), annual_value=parse_value("≥90%")),
        Indicator(level1="效益指标", level2="社会效益指标", name="教学条件改善", annual_value=parse_value("明显改善")),
    ]
    return ProjectTargetForm(
        budget_year=2026, project_name=name, project_code="44082326P00012345678N",
        start_year=2026, end_year=2026,
        total_amount=Money(amount="120.5"), annual_amount=Money(amount="120.5"),
        annual_goal="完成教学设备购置，改善办学条件。", indicators=rows[:indicators],
    )


class World:
    """The shared data set: one finance bureau, two departments with one unit each, users."""

    def __init__(self) -> None:
        BudgetYear.objects.create(year=2026, is_active=True)
        self.finance_org = Organisation.objects.create(code="900", name="示例县财政局", kind=OrgKind.FINANCE, region="示例县")
        self.dept_a = Organisation.objects.create(code="101", name="示例县教育局", kind=OrgKind.DEPARTMENT, parent=self.finance_org)
        self.dept_b = Organisation.objects.create(code="102", name="示例县卫生健康局", kind=OrgKind.DEPARTMENT, parent=self.finance_org)
        self.unit_a = Organisation.objects.create(code="101001", name="示例县第一中学", kind=OrgKind.UNIT, parent=self.dept_a)
        self.unit_b = Organisation.objects.create(code="102001", name="示例县人民医院", kind=OrgKind.UNIT, parent=self.dept_b)
        mk = User.objects.create_user
        self.filer_a = mk("filer_a", password="pw-filer-a", display_name="张填报", organisation=self.unit_a, role=Role.UNIT_FILER)
        self.filer_b = mk("filer_b", password="pw-filer-b", display_name="李填报", organisation=self.unit_b, role=Role.UNIT_FILER)
        self.dept_reviewer_a = mk("dept_a", password="pw-dept-a", display_name="王主管", organisation=self.dept_a, role=Role.DEPARTMENT_REVIEWER)
        self.dept_reviewer_b = mk("dept_b", password="pw-dept-b", display_name="赵主管", organisation=self.dept_b, role=Role.DEPARTMENT_REVIEWER)
        self.finance = mk("finance", password="pw-finance", display_name="钱财政", organisation=self.finance_org, role=Role.FINANCE_REVIEWER)
        self.admin = mk("admin", password="pw-admin", display_name="管理员", organisation=self.finance_org, role=Role.ADMIN, is_staff=True)

"""``jixiao show``: the tree of forms and indicators, from documents and from JSON exports."""

from __future__ import annotations

from decimal import Decimal

import pytest
from cli_fake_importer import GOOD_TEXT
from typer.testing import CliRunner

from jixiao.cli.commands.show import describe_value, header_fields
from jixiao.cli.main import app
from jixiao.model import (
    DepartmentBudget,
    DepartmentTargetForm,
    ImportBatch,
    ImportedDocument,
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

runner = CliRunner()

pytestmark = pytest.mark.usefixtures("fake_registry")

EXPECTED_TREE = """\
文件 培训项目.txt  版式 fake/test-1  编码 utf-8
└── 项目支出绩效目标表：示例县企业培训项目  [培训项目.txt 第1–5行]
    ├── 表头
    │   └── 项目名称：示例县企业培训项目
    └── 绩效指标（2 个三级指标）
        ├── 产出指标
        │   └── 数量指标
        │       └── 培训企业数（家）  [培训项目.txt 第3行]
        │           指标值：“≥30家”（定量）
        ├── 效益指标
        │   └── 社会效益指标
        │       └── （无指标）
        └── 满意度指标
            └── 服务对象满意度指标
                └── 受训企业满意度  [培训项目.txt 第5行]
                    指标值：“95%以上” → ≥95%（定量，比较词已规范化）

"""


def test_show_document_prints_the_whole_tree(write_file):
    """A document is imported and shown as form → 一级 → 二级 → 三级 with raw and parsed values."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED_TREE


def test_show_json_export_prints_the_same_tree(write_file, tmp_path):
    """Showing the JSON written by `jixiao import` gives the same tree as the document itself."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    out = tmp_path / "out.json"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, ["show", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, EXPECTED_TREE, "")


def test_show_user_text_with_markup_is_printed_literally(write_file):
    """Square brackets in user text are not rich markup."""
    path = write_file("标记.txt", GOOD_TEXT + "指标\t产出指标\t质量指标\t[bold]合格率[/]\t100%\n")
    result = runner.invoke(app, ["show", str(path)])
    assert "[bold]合格率[/]  [标记.txt 第6行]" in result.stdout


def test_show_invalid_json_exits_2_with_the_place(write_file):
    """A broken JSON file names the file and the line and column of the error."""
    path = write_file("坏.json", '{"documents": [\n  {"file": }\n]}\n')
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"错误：{path}（第2行第12列）：不是 jixiao 导出的 JSON：")


def test_show_json_of_another_shape_exits_2_naming_the_field(write_file):
    """A JSON file that is not an export names the first field that does not fit."""
    path = write_file("别的.json", '{"documents": [{"layout": "x"}]}')
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"错误：{path}（documents.0.file）：不是 jixiao 导出的 JSON：")


def test_show_problem_document_exits_1(write_file):
    """Error-severity problems are shown in the tree and give exit 1."""
    path = write_file("问题.txt", GOOD_TEXT + "问题\terror\trow-skipped\t第9行无法读取\n")
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 1, result.output
    assert "    └── [错误] row-skipped 问题.txt 第6行：问题.txt：第9行无法读取\n" in result.stdout


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("≥95%", "“≥95%”（定量）"),
        ("98%以上", "“98%以上” → ≥98%（定量，比较词已规范化）"),
        ("》90%", "“》90%”（定量，比较符号无效，无法判断是≥还是＞）"),
        ("90%左右", "“90%左右”（定量，约数，不是比较）"),
        ("15", "“15”（定量，未写比较符）"),
        ("≥95百分比", "“≥95百分比” → ≥95%（定量，单位“百分比”→“%”）"),
        ("及时", "“及时”（定性）"),
        ("2025年12月底前", "“2025年12月底前”（期限）"),
        ("收入比重 3%以上。", "“收入比重 3%以上。”（无法解析）"),
        ("", "（空）"),
    ],
)
def test_show_describe_value_states_raw_parsed_and_notes(raw: str, expected: str):
    """Each kind of value is described with its raw text, the standard spelling and notes."""
    assert describe_value(parse_value(raw)).plain == expected


def test_show_header_fields_of_project_include_money_and_orgs():
    """Project header fields are listed in printed order, money with its unit."""
    form = ProjectTargetForm(
        project_name="示例项目",
        budget_year=2025,
        competent_department=OrgRef(code="144001", name="示例县工业局", raw="144001-示例县工业局"),
        start_year=2025,
        end_year=2027,
        total_amount=Money(amount="30", unit=MoneyUnit.WAN_YUAN),
        annual_amount=Money(amount="10.5", unit=MoneyUnit.WAN_YUAN),
        money_unit=MoneyUnit.WAN_YUAN,
    )
    assert header_fields(form) == [
        ("预算年度", "2025"),
        ("项目名称", "示例项目"),
        ("主管部门", "144001-示例县工业局"),
        ("实施周期", "2025–2027"),
        ("总金额", "30 万元"),
        ("当年度金额 / 预算数", "10.5 万元"),
        ("金额单位", "万元"),
    ]


def test_show_header_fields_of_department_include_budget():
    """Department header fields list headcount and the budget block."""
    form = DepartmentTargetForm(
        department_name="示例县工业局",
        funded_headcount=12,
        budget=DepartmentBudget(
            basic_expenditure=Money(amount="100.25"), fiscal_appropriation=Money(amount="100.25")
        ),
        overall_goal="完成年度工作",
    )
    assert header_fields(form) == [
        ("部门名称", "示例县工业局"),
        ("财政供养人员数", "12"),
        ("基本支出", "100.25 万元"),
        ("财政拨款", "100.25 万元"),
        ("总体绩效目标", "完成年度工作"),
    ]


DEPARTMENT_TREE = """\
文件 部门表.txt  版式 tsv-gd-county-2025
└── 部门整体绩效目标表：示例县工业局
    ├── 表头
    │   ├── 标题：2025年县级部门整体预算绩效目标表
    │   ├── 预算年度：2025
    │   ├── 部门名称：示例县工业局
    │   ├── 财政供养人员数：12
    │   ├── 基本支出：100.25 万元
    │   ├── 项目支出：20 万元
    │   ├── 财政拨款：120.25 万元
    │   ├── 总体绩效目标：推动工业稳定增长。
    │   └── 金额单位：万元
    ├── 年度重点工作任务
    │   └── 任务1：企业服务
    │       ├── 拟投入资金：6 万元
    │       ├── 主要实施内容：走访企业。
    │       └── 期望达到的目标：走访企业100家。
    ├── 分项绩效目标
    │   └── （一）促进中小企业发展
    │       ├── 工作内容：开展企业培育。
    │       ├── 绩效目标：培育专精特新企业。
    │       └── 绩效指标：培育企业数量  “5家以上” → ≥5家（定量，比较词已规范化）
    ├── 工作保障措施
    │   └── 加强组织领导。
    ├── 绩效指标（1 个三级指标）
    │   └── 产出指标
    │       └── 数量指标
    │           └── 走访企业数（家）
    │               指标值：“≥100”（定量）
    └── 备注
        └── 本表由示例县工业局填报。

"""


def test_show_department_form_from_json_prints_tasks_goals_and_budget(tmp_path):
    """A department form shows its budget, key tasks, sub-goals, measures, indicators and remarks."""
    form = DepartmentTargetForm(
        title="2025年县级部门整体预算绩效目标表",
        budget_year=2025,
        money_unit=MoneyUnit.WAN_YUAN,
        department_name="示例县工业局",
        funded_headcount=12,
        budget=DepartmentBudget(
            basic_expenditure=Money(amount="100.25"),
            project_expenditure=Money(amount="20"),
            fiscal_appropriation=Money(amount="120.25"),
        ),
        overall_goal="推动工业稳定增长。",
        key_tasks=[
            KeyTask(
                label="任务1",
                name="企业服务",
                content="走访企业。",
                planned_amount=Money(amount="6"),
                expected_result="走访企业100家。",
            )
        ],
        sub_goals=[
            SubGoal(
                label="（一）",
                title="促进中小企业发展",
                content="开展企业培育。",
                goal="培育专精特新企业。",
                indicators=[Indicator(name="培育企业数量", annual_value=parse_value("5家以上"))],
            )
        ],
        guarantee_measures=["加强组织领导。"],
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", name="走访企业数（家）", annual_value=parse_value("≥100"))
        ],
        remarks=["本表由示例县工业局填报。"],
    )
    batch = ImportBatch(documents=[ImportedDocument(file="部门表.txt", layout="tsv-gd-county-2025", forms=[form])])
    path = tmp_path / "部门.json"
    path.write_text(batch.model_dump_json(), encoding="utf-8")
    result = runner.invoke(app, ["show", str(path)])
    assert (result.exit_code, result.stdout) == (0, DEPARTMENT_TREE)


def test_show_header_fields_spending_plan_shows_cells_as_written():
    """The spending plan shows each cell's text, or its value with the header unit when no text."""
    form = ProjectTargetForm(
        spending_plan=SpendingPlan(
            header_unit="%",
            points=[
                SpendingPoint(label="3月底", month=3, value=Decimal("20"), raw="20%"),
                SpendingPoint(label="6月底", month=6, value=Decimal("50"), raw=""),
            ],
        )
    )
    assert header_fields(form) == [("资金支出计划", "3月底 20%，6月底 50%")]

"""Rendering speed and memory: one 60-indicator project form in every format, and a department
package of 30 forms (1 department + 29 projects) as PDF, DOCX, XLSX and a zip of single forms.

Targets: 60-indicator project form to PDF < 0.5 s (warm); 30-form package < 10 s; peak
memory (process resident set) < 300 MB.

Run: ``.venv/bin/python bench/bench_render.py [--repeat N]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections.abc import Callable
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
    parse_value,
)
from jixiao.renderers import render_form, render_package

TREE = (
    ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"), ("效益指标", "社会效益指标"), ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
)


def indicators(count: int) -> list[Indicator]:
    rows = []
    for index in range(count):
        level1, level2 = TREE[index * len(TREE) // count]
        value = parse_value(f"≥{index + 1}个" if index % 3 else f"{90 + index % 10}%以上")
        rows.append(Indicator(level1=level1, level2=level2, name=f"示例服务覆盖指标第{index + 1}项（个）",
                              period_value=value, annual_value=value))
    return rows


def project(number: int, count: int) -> ProjectTargetForm:
    money = Money(amount=Decimal(f"{10 + number}.5"), unit=MoneyUnit.WAN_YUAN)
    return ProjectTargetForm(
        title="2025年县级项目支出绩效目标表", layout="project-target/tsv-gd-county-2025", budget_year=2025,
        money_unit=MoneyUnit.WAN_YUAN, project_name=f"示例项目经费{number}", project_type="331-部门预算部门职能类",
        project_level="二级项目", competent_department=OrgRef(raw="901-示例县农业农村局"),
        spending_unit=OrgRef(raw="901001-示例县农业技术推广中心"), start_year=2025, end_year=2025,
        total_amount=money, annual_amount=money, overview="开展示例服务，保障示例工作正常运转。" * 3,
        period_goal="完成年度示例任务。", annual_goal="完成年度示例任务，服务对象满意度不低于90%。",
        indicators=indicators(count),
    )


def department() -> DepartmentTargetForm:
    wan = lambda text: Money(amount=Decimal(text), unit=MoneyUnit.WAN_YUAN)  # noqa: E731
    return DepartmentTargetForm(
        title="2025年县级部门整体预算绩效目标表", layout="department-target/tsv-gd-county-2025", budget_year=2025,
        money_unit=MoneyUnit.WAN_YUAN, department_name="示例县农业技术推广中心", funded_headcount=40,
        subordinate_units=2,
        budget=DepartmentBudget(basic_expenditure=wan("500"), project_expenditure=wan("320"),
                                fiscal_appropriation=wan("820"), other_funds=wan("0")),
        overall_goal="做好示例服务。" * 10,
        key_tasks=[KeyTask(label=f"任务{i}", name=f"示例任务{i}", content="开展示例工作。" * 5,
                           planned_amount=wan("20"), expected_result="完成示例目标。" * 3) for i in range(1, 6)],
        indicators=indicators(25),
    )


def timed(action: Callable[[], bytes], repeat: int) -> tuple[float, float, int]:
    """(first, median of the rest, size in bytes)."""
    start = time.perf_counter()
    data = action()
    first = time.perf_counter() - start
    rest = []
    for _ in range(max(repeat - 1, 0)):
        start = time.perf_counter()
        action()
        rest.append(time.perf_counter() - start)
    return first, statistics.median(rest) if rest else first, len(data)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per single-form figure")
    args = parser.parse_args()
    print(f"{'what':44} {'first s':>8} {'median s':>9} {'size KB':>8} {'peak MB':>8}")
    form = project(1, 60)
    for fmt in ("pdf", "xlsx", "docx", "html", "csv"):
        first, median, size = timed(lambda fmt=fmt: render_form(form, fmt), args.repeat)
        print(f"{'project form, 60 indicators → ' + fmt:44} {first:8.3f} {median:9.3f} {size / 1024:8.0f} "
              f"{peak_mb():8.0f}")
    forms = [department(), *(project(n, 10 + n % 12) for n in range(1, 30))]
    count = sum(len(f.indicators) for f in forms)
    for fmt, extra in (("pdf", {}), ("docx", {}), ("xlsx", {}), ("zip", {"formats": ("pdf", "xlsx")})):
        first, _, size = timed(lambda fmt=fmt, extra=extra: render_package(forms, fmt, **extra), 1)
        label = f"package of {len(forms)} forms ({count} indicators) → {fmt}"
        print(f"{label:44} {first:8.3f} {'':>9} {size / 1024:8.0f} {peak_mb():8.0f}")
    print(f"peak memory (resident set): {peak_mb():.0f} MB")
    print("(most of it is WeasyPrint's in-memory copies of the two Noto CJK font collections, "
          "20–26 MB each, per PDF)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Review speed: forms per second for the whole rule set on one core.

Builds 300 project forms (plus one department form per 10 projects) from the short form, and
reviews them as documents of 11 forms each. Prints forms/s and the time for 300 forms.
Targets: ≥ 1,000 forms/s; 300 forms in < 1 s.

    .venv/bin/python bench/bench_review.py [N]
"""

from __future__ import annotations

import sys
import time

from jixiao.model import ImportedDocument
from jixiao.review.config import ReviewConfig
from jixiao.review.engine import review
from jixiao.review.registry import all_rules
from jixiao.review.shorthand import form_from_dict

PROJECT = {
    "start": 2025, "end": 2025, "total": 30, "annual": 30, "code": "13990125P00385410058N",
    "competent": "144-云山县科工贸和信息化局", "spending_unit": "144001-云山县科工贸和信息化局",
    "overview": "用于科技活动的工作经费。",
    "annual_goal": "举办科普活动2次，参与群众不少于500人次，服务对象满意度不低于90%。",
    "plan": {"header": "%", "points": ["25%", "50%", "75%", "100%"]},
    "indicators": [
        "产出指标 | 数量指标 | 科普活动数（次） | 2 | 2",
        "产出指标 | 数量指标 | 参展企业数量 | 大于3家 | 大于3家",
        "产出指标 | 质量指标 | 资金使用合规性 | 符合规定 | 符合规定",
        "产出指标 | 时效指标 | 年度资金支出进度（%） | 98%以上 | 98%以上",
        "产出指标 | 成本指标 | 项目成本 | ≤30万元 | ≤30万元",
        "效益指标 | 社会效益指标 | 促进社会稳定 | 促进 | 促进",
        "效益指标 | 经济效益指标 | 带动投资 | ≥500万元 | ≥500万元",
        "满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 》90% | 》90%",
    ],
}
DEPARTMENT = {
    "kind": "department", "department": "云山县科工贸和信息化局",
    "goal": "<p>全年服务企业不少于100家。。</p>",
    "budget": {"basic": 684.4769, "project": 61.2, "other_dev": 15, "fiscal": 760.6769},
    "tasks": [f"任务{i}：项目{i} | 内容 | 6 | 目标" for i in range(1, 6)],
    "indicators": ["产出指标 | 数量指标 | 服务企业数 | ≥100家", "满意度指标 | 服务对象满意度指标 | 满意度 | ≥95%"],
}


def build(n: int) -> list[ImportedDocument]:
    docs = []
    for d in range(0, n, 10):
        forms = [form_from_dict(DEPARTMENT)]
        forms += [form_from_dict({**PROJECT, "name": f"项目{i}"}) for i in range(d, min(n, d + 10))]
        docs.append(ImportedDocument(file=f"doc{d}.txt", layout="bench", forms=forms))
    return docs


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    docs = build(n)
    forms = sum(len(d.forms) for d in docs)
    config = ReviewConfig()
    review(docs[:1], config)  # warm up: import the rule modules
    best = cpu = float("inf")
    findings = 0
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        report = review(docs, config)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
        findings = len(report.findings)
    print(f"rules: {len(all_rules())}")
    print(f"forms: {forms} ({len(docs)} documents), findings: {findings}")
    print(f"wall time: {best:.3f} s, CPU time: {cpu:.3f} s (best of 5; the machine is shared)")
    print(f"speed: {forms / best:,.0f} forms/s wall, {forms / cpu:,.0f} forms/s CPU")


if __name__ == "__main__":
    main()

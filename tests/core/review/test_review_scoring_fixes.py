"""Scores and grades; applying safe fixes to copies."""

from __future__ import annotations

from jixiao.model import ImportBatch, ImportedDocument
from jixiao.review.config import config_from_dict
from jixiao.review.engine import review
from jixiao.review.finding import Finding, Severity
from jixiao.review.fixes import apply_fixes
from jixiao.review.scoring import grade_of, score_form
from jixiao.review.shorthand import form_from_dict


def test_grade_of_uses_90_80_60_bands() -> None:
    """90 优, 80 良, 60 中, below 差."""
    assert [grade_of(s) for s in (100, 90, 89.9, 80, 60, 59.9)] == ["优", "优", "良", "良", "中", "差"]


def test_score_form_caps_repeated_findings_of_one_rule() -> None:
    """Five warnings of one rule deduct at most three penalties."""
    findings = [Finding(code="JX202", severity=Severity.WARNING, message="m", loc=("indicators", i))
                for i in range(5)]
    score = score_form(findings, {"JX202": "相关性"})
    assert [(d.dimension, d.score, d.findings) for d in score.dimensions if d.findings] == [("相关性", 18.0, 5)]


def test_apply_fixes_document_returns_corrected_copy() -> None:
    """Word comparisons and 百分比 are rewritten; the original document is unchanged."""
    form = form_from_dict({"indicators": ["产出指标 | 时效指标 | 支出进度（%） | 98%以上 | ≥80百分比"]})
    doc = ImportedDocument(file="a.json", layout="x", forms=[form])
    report = review(doc, config_from_dict({"review": {"select": ["JX202", "JX205"]}}))
    fixed = apply_fixes(doc, report)
    ind, orig = fixed.forms[0].indicators[0], doc.forms[0].indicators[0]
    assert (ind.period_value.raw, ind.annual_value.raw, orig.period_value.raw) == ("≥98%", "≥80%", "98%以上")


def test_apply_fixes_batch_fixes_each_document() -> None:
    """A batch is fixed document by document from the report."""
    docs = [ImportedDocument(file=f"{i}.json", layout="x",
                             forms=[form_from_dict({"goal": "目标。。", "kind": "department"})])
            for i in range(2)]
    batch = ImportBatch(documents=docs)
    fixed = apply_fixes(batch, review(batch, config_from_dict({"review": {"select": ["JX407"]}})))
    assert [d.forms[0].overall_goal for d in fixed.documents] == ["目标。", "目标。"]


def test_score_form_ignores_engine_problems() -> None:
    """JX9xx findings (crashes, import problems) do not lower the score."""
    findings = [Finding(code="JX901", severity=Severity.ERROR, message="m"),
                Finding(code="JX900", severity=Severity.ERROR, message="m")]
    assert score_form(findings, {"JX901": "完整性", "JX900": "完整性"}).score == 100.0

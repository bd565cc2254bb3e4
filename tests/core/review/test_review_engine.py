"""The engine: selection, crashes, severity overrides, waivers, profiles, ordering, scores."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings

from jixiao.review.base import Rule
from jixiao.review.config import ReviewConfig, Waiver, config_from_dict
from jixiao.review.engine import review_forms
from jixiao.review.finding import Finding, Severity
from jixiao.review.profiles import detect_regime
from jixiao.review.registry import matches, select_rules
from jixiao.review.rules.values.JX201 import Rule_JX201
from jixiao.review.shorthand import form_from_dict
from strategies import target_forms

FORM = {
    "name": "科技活动经费",
    "indicators": [
        "产出指标 | 数量指标 | 科普活动数（次） | 》2",
        "满意度指标 | 服务对象满意度指标 | 参与群众满意度 | 95%以上",
    ],
}


def _review(form: dict, **review: object):
    return review_forms([form_from_dict(form)], config_from_dict({"review": review}))


def test_select_rules_by_group_glob_and_name_picks_matching_rules() -> None:
    """Groups, code globs and dotted names select; ignore removes."""
    codes = [r.code for r in select_rules(["comparison", "JX30[12]", "value.placeholder"], ["JX203"])]
    assert codes == ["JX201", "JX202", "JX212", "JX301", "JX302"]


def test_matches_is_case_insensitive_for_codes() -> None:
    """``jx201`` matches JX201."""
    assert (matches(Rule_JX201, "jx201"), matches(Rule_JX201, "value.*"), matches(Rule_JX201, "money")) == (True, True, False)


def test_review_severity_override_changes_finding_severity() -> None:
    """[review.severity] overrides a rule's default severity by code or glob."""
    report = _review(FORM, select=["JX201", "JX202"], severity={"JX20*": "info"})
    assert report.flatten(["code", "severity"]) == [["JX201", Severity.INFO], ["JX202", Severity.INFO]]


def test_review_rule_that_raises_becomes_jx900_and_run_goes_on(monkeypatch) -> None:
    """A crashing rule yields one JX900 naming it; the other rules still report."""

    def boom(self, form) -> Iterator[Finding]:
        raise ValueError("坏了")

    monkeypatch.setattr(Rule_JX201, "check", boom)
    report = _review(FORM, select=["JX201", "JX202"])
    assert report.flatten(["code"]) == [["JX900"], ["JX202"]] or report.flatten(["code"]) == [["JX202"], ["JX900"]]
    crash = next(f for f in report.findings if f.code == "JX900")
    assert "JX201" in crash.message and "ValueError" in crash.message


def test_review_waiver_moves_finding_to_waived_with_reason() -> None:
    """A waiver matching code and loc is reported as waived, not as a finding."""
    config = config_from_dict({"review": {"select": ["JX201", "JX202"]}})
    config.waivers.append(Waiver(code="JX201", reason="上级文件如此", by="李审核", loc="indicators[0]"))
    report = review_forms([form_from_dict(FORM)], config)
    assert (report.flatten(["code"]), [(w.finding.code, w.reason, w.by) for w in report.waived]) == (
        [["JX202"]], [("JX201", "上级文件如此", "李审核")])


def test_review_findings_sorted_by_form_loc_code() -> None:
    """Findings come out sorted by form index, then loc, then code."""
    forms = [form_from_dict(FORM), form_from_dict({**FORM, "name": "另一项目"})]
    report = review_forms(forms, config_from_dict({"review": {"select": ["JX201", "JX202", "JX204"]}}))
    assert [[f.form_index, f.loc_text, f.code] for f in report.findings] == [
        [0, "indicators[0].annual_value", "JX201"],
        [0, "indicators[1].annual_value", "JX202"],
        [1, "indicators[0].annual_value", "JX201"],
        [1, "indicators[1].annual_value", "JX202"],
    ]


def test_review_passed_depends_on_fail_on() -> None:
    """Only warnings: passes with fail_on=error, fails with fail_on=warning."""
    results = [_review(FORM, select=["JX202"], fail_on=level).passed for level in ("error", "warning")]
    assert results == [True, False]


def test_detect_regime_cost_first_level_is_b() -> None:
    """A 成本 一级 means regime B; 成本 under 产出 means regime A."""
    b = form_from_dict({"indicators": ["成本指标 | 经济成本指标 | 经费 | ≤3万元"]})
    a = form_from_dict({"indicators": ["产出指标 | 成本指标 | 经费 | ≤3万元"]})
    assert (detect_regime(b), detect_regime(a)) == ("B", "A")


def test_review_profile_by_layout_wins_over_detection() -> None:
    """[review.profile_by_layout] picks the profile before auto-detection."""
    form = form_from_dict({"layout": "project-target/txt-hebei-cells-2025", "indicators": []})
    config = config_from_dict({"review": {"profile_by_layout": {"*hebei*": "hebei-2025"}}})
    report = review_forms([form], config)
    assert [f.profile for f in report.documents[0].forms] == ["hebei-2025"]


def test_review_score_and_grade_per_form() -> None:
    """A clean form scores 100 (优); errors lower the aspect they belong to."""
    clean = _review({"name": "x", "indicators": ["产出指标 | 数量指标 | 培训企业数 | ≥30家"]}, select=["JX201"])
    dirty = _review(FORM, select=["JX201"])
    scores = [r.documents[0].forms[0].score for r in (clean, dirty)]
    assert [(s.score, s.grade) for s in scores] == [(100.0, "优"), (90.0, "优")]
    assert [d.score for d in scores[1].dimensions if d.dimension == "相关性"] == [20.0]


def test_review_import_problem_becomes_jx901_attached_to_form() -> None:
    """ImportedDocument.problems are reviewed as JX901 and given the form whose lines hold them."""
    from jixiao.model import ImportedDocument, ImportProblem, ProblemSeverity, SourceRef
    from jixiao.review.engine import review

    form = form_from_dict({"name": "x"}).model_copy(update={"source": SourceRef(file="a.txt", line=10)})
    problem = ImportProblem(severity=ProblemSeverity.ERROR, code="row-skipped", message="第12行无法读取",
                            source=SourceRef(file="a.txt", line=12))
    doc = ImportedDocument(file="a.txt", layout="x", forms=[form], problems=[problem])
    report = review(doc, ReviewConfig(select=["JX901"]))
    assert [[f.code, f.form_index, f.severity, f.source.line] for f in report.findings] == [
        ["JX901", 0, Severity.ERROR, 12]]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target_forms())
def test_review_never_raises_and_is_deterministic(form) -> None:
    """Any generated form is reviewed without a JX900, and twice gives the same findings."""
    first = review_forms([form]).findings
    second = review_forms([form]).findings
    assert [f.code for f in first if f.code == "JX900"] == [] and first == second


def test_rule_subclass_reads_code_from_class_name() -> None:
    """The metaclass-free base reads ``JX999`` from ``Rule_JX999``."""

    class Rule_JX999(Rule):
        """Test rule."""

    assert Rule_JX999.code == "JX999"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target_forms())
def test_review_unrelated_extra_indicator_removes_no_value_finding(form) -> None:
    """Adding a clean indicator row keeps every finding of the per-value rules (JX2xx)."""
    from jixiao.model import Indicator, parse_value

    config = config_from_dict({"review": {"select": ["JX2*"]}})
    extra = Indicator(level1="产出指标", level2="数量指标", name="新增测试指标数（个）",
                      annual_value=parse_value("≥1"))
    before = {(f.code, f.loc) for f in review_forms([form], config).findings}
    bigger = form.model_copy(update={"indicators": [*form.indicators, extra]})
    after = {(f.code, f.loc) for f in review_forms([bigger], config).findings}
    assert before - after == set()


def test_review_target_extractor_that_raises_becomes_one_jx900_and_run_goes_on(monkeypatch) -> None:
    """A broken target extractor is reported once as JX900; form rules still report."""
    from jixiao.model import ImportedDocument
    from jixiao.review import engine

    calls: list[str] = []

    def broken(document: ImportedDocument) -> list[object]:
        calls.append(document.file)
        raise IndexError("list index out of range")

    monkeypatch.setitem(engine.TARGETS, "import-problems", broken)
    doc = ImportedDocument(file="a.txt", layout="x", forms=[form_from_dict(FORM)])
    report = engine.review(doc, ReviewConfig(select=["JX901", "JX202"]))
    crash = [f for f in report.findings if f.code == "JX900"]
    assert (sorted(f.code for f in report.findings), calls, "JX901" in crash[0].message) == (
        ["JX202", "JX900"], ["a.txt"], True)

"""The review engine: runs the selected rules over documents and builds the report.

::

    review(batch | documents, config)            → ReviewReport
      └── review_document(document, config)      → DocumentReport
            ├── per form:  Rule.check(form)              (target "form")
            ├── per doc:   Rule.check_document(forms)    (target "document", JX5xx)
            ├── extra:     Rule.check_target(item)       (targets registered below)
            ├── a rule that raises → JX900 naming the rule; the run goes on
            ├── severity overrides, then waivers (reported as waived)
            └── score per form (scoring.py)

Extra targets let other parts of a document be reviewed by the same machinery: register a
name and a function that extracts the items from an :class:`ImportedDocument`, then write rules
with ``target = "<name>"`` and ``check_target(item)``. The import problems (JX901) use this;
the disclosure tables (JX6xx) are meant to do the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatchcase
from typing import Any

from jixiao.model import ImportBatch, ImportedDocument
from jixiao.review import lexicon as lx
from jixiao.review.base import Rule, RuleContext, TargetForm
from jixiao.review.config import ReviewConfig
from jixiao.review.finding import Finding
from jixiao.review.registry import all_rules, select_rules
from jixiao.review.report import (
    DocumentReport,
    FormReport,
    ReviewReport,
    WaivedFinding,
    sort_findings,
)
from jixiao.review.scoring import score_form

Extractor = Callable[[ImportedDocument], Iterable[Any]]
TARGETS: dict[str, Extractor] = {}


def register_target(name: str, extractor: Extractor) -> None:
    """Let rules with ``target = name`` review the items ``extractor(document)`` yields."""
    TARGETS[name] = extractor


register_target("import-problems", lambda doc: doc.problems)


def _crash(rule: type[Rule], ctx: RuleContext, exc: Exception, loc: tuple = ()) -> Finding:
    from jixiao.review.rules.engine.JX900 import Rule_JX900

    return Rule_JX900(ctx).finding(
        loc, rule=rule.code, rule_name=rule.name, error=f"{type(exc).__name__}: {exc}"
    )


def _run(rule: Rule, calls: Callable[[], Iterator[Finding]]) -> list[Finding]:
    try:
        return list(calls())
    except Exception as exc:  # a rule that raises must not stop the review
        return [_crash(type(rule), rule.ctx, exc)]


class _Plan:
    """The selected rules of one config, split by target, instantiated once per run."""

    def __init__(self, config: ReviewConfig) -> None:
        classes = select_rules(config.select, config.ignore)
        self.config = config
        rules = [cls(params=config.params_for(cls)) for cls in classes]
        self.form_rules = [r for r in rules if r.target == "form"]
        self.document_rules = [r for r in rules if r.target == "document"]
        self.extra_rules = [r for r in rules if r.target not in ("form", "document")]
        self.rules_by_kind = {
            kind: [r for r in self.form_rules if kind in r.form_kinds]
            for kind in ("department", "project")
        }
        self.dimension_of = {cls.code: cls.dimension.value for cls in all_rules()}
        self._severity_cache: dict[str, Any] = {}
        self.rule_by_code = {cls.code: cls for cls in all_rules()}

    def severity_for(self, code: str) -> Any:
        if code in self._severity_cache:
            return self._severity_cache[code]
        cls = self.rule_by_code.get(code)
        result = None
        for pattern, severity in self.config.severity.items():
            if cls is None:
                if fnmatchcase(code, pattern.upper()):
                    result = severity
            elif fnmatchcase(cls.code, pattern.upper()) or fnmatchcase(cls.name, pattern) or any(
                fnmatchcase(g, pattern) for g in cls.groups
            ):
                result = severity
        self._severity_cache[code] = result
        return result


def review_document(
    document: ImportedDocument, config: ReviewConfig | None = None, *, _plan: _Plan | None = None
) -> DocumentReport:
    """Review every form of one imported document."""
    config = config or ReviewConfig()
    plan = _plan or _Plan(config)
    forms: list[TargetForm] = list(document.forms)
    profiles = [config.profile_for(form) for form in forms]
    raw: list[Finding] = []
    for index, form in enumerate(forms):
        ctx = RuleContext(profile=profiles[index], form=form, form_index=index, forms=forms)
        for rule in plan.rules_by_kind.get(form.kind.value, ()):
            rule.ctx = ctx
            try:
                raw.extend(rule.check(form))
            except Exception as exc:  # a rule that raises must not stop the review
                raw.append(_crash(type(rule), ctx, exc))
    doc_profile = profiles[0] if profiles else config.profile_for(None)
    for rule in plan.document_rules:
        rule.ctx = RuleContext(profile=doc_profile, forms=forms)
        raw.extend(_run(rule, lambda rule=rule: rule.check_document(forms)))
    # Each target is extracted once per document and shared by its rules; an extractor that
    # raises is reported once (JX900 naming the first rule of that target) and the run goes on.
    extracted: dict[str, list[Any] | None] = {}
    for rule in plan.extra_rules:
        extractor = TARGETS.get(rule.target)
        if extractor is None:
            continue
        rule.ctx = RuleContext(profile=doc_profile, forms=forms)
        if rule.target not in extracted:
            try:
                extracted[rule.target] = list(extractor(document))
            except Exception as exc:  # a broken extractor must not stop the review
                extracted[rule.target] = None
                raw.append(_crash(type(rule), rule.ctx, exc))
        for item in extracted[rule.target] or ():
            raw.extend(_run(rule, lambda rule=rule, item=item: rule.check_target(item)))

    raw = _attach_to_forms(_collapse_columns(raw), forms)
    lx.forget()
    report = DocumentReport(file=document.file, layout=document.layout)
    form_reports = [
        FormReport(index=i, kind=form.kind.value, name=_form_name(form), profile=profiles[i].name,
                   regime=profiles[i].regime)
        for i, form in enumerate(forms)
    ]
    for finding in raw:
        severity = plan.severity_for(finding.code)
        if severity is not None and severity != finding.severity:
            finding = finding.model_copy(update={"severity": severity})
        index = finding.form_index
        holder = form_reports[index] if index is not None and 0 <= index < len(form_reports) else None
        form_name = holder.name if holder else None
        waiver = next((w for w in config.waivers if w.applies(finding, form_name)), None)
        target = holder if holder is not None else report
        if waiver is not None:
            target.waived.append(WaivedFinding(finding=finding, reason=waiver.reason, by=waiver.by))
        else:
            target.findings.append(finding)
    for form_report in form_reports:
        form_report.findings = sort_findings(form_report.findings)
        form_report.score = score_form(form_report.findings, plan.dimension_of, config.scoring)
    report.findings = sort_findings(report.findings)
    report.forms = form_reports
    return report


_COLUMNS = ("period_value", "annual_value")


def _collapse_columns(findings: list[Finding]) -> list[Finding]:
    """One finding per row when 实施周期 and 当年度 hold the same text with the same defect.

    Findings that carry a fix are kept for both cells, so that ``--fix`` corrects both.
    """
    seen: set[tuple] = set()
    out = []
    for finding in sorted(findings, key=lambda f: f.loc[-1:] != ("annual_value",)):
        if finding.fix is None and finding.loc and finding.loc[-1] in _COLUMNS:
            key = (finding.code, finding.form_index, finding.loc[:-1], finding.message)
            if key in seen:
                continue
            seen.add(key)
        out.append(finding)
    return out


def _attach_to_forms(findings: list[Finding], forms: list[TargetForm]) -> list[Finding]:
    """Give a form to findings that have a source line but no form (import problems)."""
    starts = [
        (form.source.line, index) for index, form in enumerate(forms)
        if form.source is not None and form.source.line is not None
    ]
    if not starts:
        return findings
    starts.sort()
    out = []
    for finding in findings:
        line = finding.source.line if finding.source is not None else None
        if finding.form_index is None and line is not None:
            owner = None
            for start, index in starts:
                if start <= line:
                    owner = index
            if owner is not None:
                finding = finding.model_copy(update={"form_index": owner})
        out.append(finding)
    return out


def _form_name(form: TargetForm) -> str:
    return getattr(form, "display_name", None) or form.title or form.kind.value


def review(
    documents: ImportBatch | ImportedDocument | Iterable[ImportedDocument],
    config: ReviewConfig | None = None,
) -> ReviewReport:
    """Review one or more documents.

    Args:
        documents: an ImportBatch (the JSON export), one document or several.
        config: the review configuration; the defaults when None.

    Returns:
        The report with findings per form, waived findings, counts and scores.
    """
    config = config or ReviewConfig()
    if isinstance(documents, ImportBatch):
        docs = list(documents.documents)
    elif isinstance(documents, ImportedDocument):
        docs = [documents]
    else:
        docs = list(documents)
    plan = _Plan(config)
    return ReviewReport(
        documents=[review_document(doc, config, _plan=plan) for doc in docs],
        fail_on=config.fail_on,
    )


def review_forms(
    forms: Iterable[TargetForm], config: ReviewConfig | None = None, *, file: str = "<forms>"
) -> ReviewReport:
    """Review forms built in code (tests, the web app) as one document."""
    document = ImportedDocument(file=file, layout="", forms=list(forms))
    return review(document, config)

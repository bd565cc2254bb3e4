"""Review results: per form, per document and for a whole run.

``ReviewReport.documents[*].forms[*]`` holds each form's findings, waived findings and score;
document-level findings (no form) sit on the document. Findings are sorted by
``(form, loc, code)`` so the output is stable; ``flatten()`` gives short lists for tests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, Field

from jixiao.review.finding import Finding, Severity
from jixiao.review.scoring import FormScore


def _loc_key(loc: tuple[str | int, ...]) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in loc)


def sort_key(finding: Finding) -> tuple:
    form = -1 if finding.form_index is None else finding.form_index
    return (form, _loc_key(finding.loc), finding.code, finding.message)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=sort_key)


class WaivedFinding(BaseModel):
    finding: Finding
    reason: str
    by: str


class FormReport(BaseModel):
    index: int
    kind: str
    name: str
    profile: str
    regime: str
    findings: list[Finding] = Field(default_factory=list)
    waived: list[WaivedFinding] = Field(default_factory=list)
    score: FormScore | None = None


class DocumentReport(BaseModel):
    file: str
    layout: str = ""
    forms: list[FormReport] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    """Findings that concern no single form (e.g. an import problem outside any form)."""
    waived: list[WaivedFinding] = Field(default_factory=list)

    @property
    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for form in self.forms:
            out.extend(form.findings)
        return sort_findings(out)


class ReviewReport(BaseModel):
    documents: list[DocumentReport] = Field(default_factory=list)
    fail_on: Severity = Severity.ERROR

    @property
    def findings(self) -> list[Finding]:
        return [f for doc in self.documents for f in doc.all_findings]

    @property
    def waived(self) -> list[WaivedFinding]:
        out = []
        for doc in self.documents:
            out.extend(doc.waived)
            for form in doc.forms:
                out.extend(form.waived)
        return out

    @property
    def passed(self) -> bool:
        """No finding at or above ``fail_on``."""
        limit = Severity(self.fail_on).rank
        return not any(Severity(f.severity).rank >= limit for f in self.findings)

    def counts_by_severity(self) -> dict[str, int]:
        counts = Counter(Severity(f.severity).value for f in self.findings)
        return {s.value: counts.get(s.value, 0) for s in Severity}

    def counts_by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def flatten(self, fields: Sequence[str] = ("code", "loc")) -> list[list[object]]:
        """Each finding as a list of the given attributes; ``loc`` as its dotted text."""
        out = []
        for finding in self.findings:
            row: list[object] = []
            for name in fields:
                row.append(finding.loc_text if name == "loc" else getattr(finding, name))
            out.append(row)
        return out

"""Apply the safe fixes that findings carry (``--fix``), returning corrected copies.

A :class:`~jixiao.review.finding.Fix` names a field path inside a form and the replacement
text. Indicator values are re-parsed from the replacement, other fields take the text as is.
Models are never changed in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from jixiao.model import ImportBatch, ImportedDocument, IndicatorValue, parse_value
from jixiao.review.finding import Finding
from jixiao.review.report import ReviewReport


def _set(obj: Any, loc: tuple[str | int, ...], text: str) -> Any:
    head, rest = loc[0], loc[1:]
    if isinstance(obj, list):
        items = list(obj)
        items[head] = _set(items[head], rest, text) if rest else text  # type: ignore[index]
        return items
    if isinstance(obj, BaseModel):
        current = getattr(obj, str(head))
        if rest:
            new = _set(current, rest, text)
        elif isinstance(current, IndicatorValue) or str(head) in ("period_value", "annual_value"):
            new = parse_value(text)
        else:
            new = text
        return obj.model_copy(update={str(head): new})
    raise TypeError(f"cannot set {loc!r} on {type(obj).__name__}")


def apply_fixes_to_forms(forms: list[Any], findings: Iterable[Finding]) -> tuple[list[Any], int]:
    """Corrected copies of ``forms`` and the number of fixes applied."""
    out = list(forms)
    applied = 0
    seen: set[tuple] = set()
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.form_index is None or not (0 <= finding.form_index < len(out)):
            continue
        key = (finding.form_index, fix.loc)
        if key in seen:
            continue
        seen.add(key)
        out[finding.form_index] = _set(out[finding.form_index], fix.loc, fix.replacement)
        applied += 1
    return out, applied


def apply_fixes(target: Any, findings: Iterable[Finding] | ReviewReport) -> Any:
    """Corrected copies of a document, a batch or a list of forms.

    Args:
        target: an ImportedDocument, an ImportBatch or a list of forms.
        findings: the findings of that target's review, or the ReviewReport itself
            (needed for a batch of several documents).

    Returns:
        An object of the same kind with every safe fix applied.
    """
    if isinstance(target, ImportBatch):
        if not isinstance(findings, ReviewReport):
            findings = ReviewReport(documents=[])
        docs = []
        for doc, doc_report in zip(target.documents, findings.documents, strict=False):
            docs.append(apply_fixes(doc, doc_report.all_findings))
        docs.extend(target.documents[len(docs):])
        return target.model_copy(update={"documents": docs})
    if isinstance(findings, ReviewReport):
        findings = findings.findings
    if isinstance(target, ImportedDocument):
        forms, _ = apply_fixes_to_forms(list(target.forms), findings)
        return target.model_copy(update={"forms": forms})
    forms, _ = apply_fixes_to_forms(list(target), findings)
    return forms

"""What the JX6xx rules share: the review item and the rule base that reads its check report."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from jixiao.disclosure.checks import CheckReport, check_disclosure
from jixiao.disclosure.model import Disclosure
from jixiao.model import ImportedDocument, ProjectTargetForm
from jixiao.review.base import Rule
from jixiao.review.finding import Finding, Severity


@dataclass
class DisclosureItem:
    """One document's disclosure tables, with its project forms; the check report is computed once."""

    disclosure: Disclosure
    projects: list[ProjectTargetForm] | None = None
    _reports: dict[str, CheckReport] = field(default_factory=dict)

    def report(self, rounding: str = "info") -> CheckReport:
        if rounding not in self._reports:
            self._reports[rounding] = check_disclosure(
                self.disclosure, projects=self.projects, rounding_severity=Severity(rounding))
        return self._reports[rounding]


def extract_items(document: ImportedDocument) -> list[DisclosureItem]:
    """The review target ``disclosure``: one item per document that has disclosure tables."""
    from jixiao.disclosure.from_document import disclosure_from_document, project_forms

    disclosure = disclosure_from_document(document)
    return [] if disclosure is None else [DisclosureItem(disclosure, project_forms(document))]


class DisclosureRule(Rule):
    """Base of the JX6xx rules (not a rule itself)."""

    groups: ClassVar[tuple[str, ...]] = ("all", "disclosure")
    target: ClassVar[str] = "disclosure"
    form_kinds: ClassVar[tuple[str, ...]] = ()
    config_keywords: ClassVar[dict[str, Any]] = {"rounding_severity": "info"}

    def check_target(self, obj: Any) -> Iterator[Finding]:
        report = obj.report(str(self.param("rounding_severity")))
        # The report's findings were rendered from this band's message and hint templates
        # (jixiao.disclosure.checks.rule_templates); only the name is the configured rule's.
        for finding in report.findings:
            if finding.code == self.code:
                yield finding.model_copy(update={"name": self.name})

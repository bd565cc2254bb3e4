"""Findings: what a review rule reports, as data (a review never raises).

Modelled on pydantic's error records (a stable ``code``, a ``loc`` path, the message and the
values used in it) with Django's severity levels and sqlfluff's source anchoring.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model import SourceRef


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Fix(BaseModel):
    """A safe, mechanical correction: set the value at ``loc`` (a field path) to ``replacement``."""

    model_config = ConfigDict(frozen=True)

    loc: tuple[str | int, ...]
    original: str
    replacement: str
    description: str


class Finding(BaseModel):
    """One defect found by one rule at one place."""

    model_config = ConfigDict(frozen=True)

    code: str
    """"JX201"; retired codes are never reused."""
    name: str = ""
    """The rule's dotted name, e.g. "indicator.unit_missing"."""
    severity: Severity
    message: str
    """Chinese, rendered from the rule's template with the values involved."""
    hint: str | None = None
    loc: tuple[str | int, ...] = ()
    """Model path inside the form, e.g. ("indicators", 3, "annual_value")."""
    source: SourceRef | None = None
    """The place in the user's own file (from the importer's provenance)."""
    form_index: int | None = None
    """Index of the form in its document, when the finding concerns one form."""
    ctx: dict[str, str] = Field(default_factory=dict)
    """The values used in the message."""
    fix: Fix | None = None

    @property
    def loc_text(self) -> str:
        """``indicators[3].annual_value``."""
        out = ""
        for part in self.loc:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

"""What one imported file yields: its forms, the parts kept aside, and the problems met.

:class:`ImportedDocument` is also the unit of the JSON export (``jixiao import -o``), wrapped
in :class:`ImportBatch` with the schema version.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from jixiao.model.forms import TargetForm
from jixiao.model.source import SourceRef

SCHEMA_VERSION = "1.0"


class ProblemSeverity(StrEnum):
    ERROR = "error"  # something the user wrote could not be read into the model
    WARNING = "warning"  # read, but with a guess the user should confirm
    INFO = "info"


class ImportProblem(BaseModel):
    """A place the importer could not read cleanly. Nothing is dropped without one."""

    severity: ProblemSeverity = ProblemSeverity.WARNING
    code: str
    """Machine id, kebab-case, e.g. "row-skipped", "value-column-shifted"."""
    message: str
    """Chinese, naming the place and the reason."""
    source: SourceRef | None = None
    text: str | None = None
    """The text that was skipped or guessed at."""


class SetAsideSection(BaseModel):
    """A recognised part that is not a target form (e.g. 部门预算收支总表), kept verbatim."""

    kind: str
    """Machine id, e.g. "disclosure-table", "explanation", "procurement", "assets"."""
    title: str
    text: str
    source: SourceRef | None = None


class ImportedDocument(BaseModel):
    """One source file after import."""

    file: str
    layout: str
    encoding: str | None = None
    forms: list[TargetForm] = Field(default_factory=list)
    set_aside: list[SetAsideSection] = Field(default_factory=list)
    problems: list[ImportProblem] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == ProblemSeverity.ERROR for p in self.problems)


class ImportBatch(BaseModel):
    """The JSON export: documents in the order given."""

    schema_version: str = SCHEMA_VERSION
    generator: str = "jixiao"
    documents: list[ImportedDocument] = Field(default_factory=list)

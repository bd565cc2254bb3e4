"""A disclosure from an imported document: the Hebei text importer's set-aside sections.

The importer keeps the nine tables as ``disclosure-table`` sections (verbatim text with the line
where each starts), the explanation chapters as ``explanation`` and the asset chapter as ``assets``;
the project target forms it reads carry their ``annual_amount``, which is what D15 compares.
"""

from __future__ import annotations

from jixiao.disclosure.model import Disclosure
from jixiao.disclosure.parse_text import parse_disclosure_text
from jixiao.model import ImportedDocument, ProjectTargetForm

TABLE_KINDS = ("disclosure-table",)
TEXT_KINDS = ("explanation", "assets", "procurement")


def disclosure_from_document(document: ImportedDocument) -> Disclosure | None:
    """The disclosure tables of ``document``, or None when it has none."""
    tables = [s for s in document.set_aside if s.kind in TABLE_KINDS]
    if not tables:
        return None
    pieces = [(s.text, s.source.line if s.source and s.source.line else None) for s in tables]
    pieces += [(s.text, s.source.line if s.source and s.source.line else None)
               for s in document.set_aside if s.kind in TEXT_KINDS]
    disclosure = parse_disclosure_text(pieces, file=document.file)
    explanation = [s.text for s in document.set_aside if s.kind in TEXT_KINDS]
    disclosure.explanation = "\n".join(explanation) or disclosure.explanation
    return disclosure


def project_forms(document: ImportedDocument) -> list[ProjectTargetForm] | None:
    """The document's project forms with an annual amount, or None when there are none."""
    forms = [f for f in document.forms if isinstance(f, ProjectTargetForm) and f.annual_amount is not None]
    return forms or None

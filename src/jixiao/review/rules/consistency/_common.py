"""Helpers shared by the consistency rules (not rules themselves)."""

from __future__ import annotations

import re

from jixiao.review import lexicon as lx

_CODE_PREFIX = re.compile(r"^\s*\d+\s*[-－—]?\s*")
_SUFFIX = re.compile(r"(本级|机关)$")


def org_name(text: str | None) -> str:
    """``144001-遂溪县科工贸和信息化局`` → ``遂溪县科工贸和信息化局`` (spaces removed)."""
    return _SUFFIX.sub("", lx.squash(_CODE_PREFIX.sub("", text or "")))


def projects(forms):  # type: ignore[no-untyped-def]
    return [(i, f) for i, f in enumerate(forms) if f.kind.value == "project"]


def departments(forms):  # type: ignore[no-untyped-def]
    return [(i, f) for i, f in enumerate(forms) if f.kind.value == "department"]

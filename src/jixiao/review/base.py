"""The rule base class and the per-form context the engine hands to a rule.

A rule is a class ``Rule_JXnnn`` in its own file ``rules/<band>/JXnnn.py``. The code is read
from the class name, the summary from the first docstring line. ``check(form)`` yields
findings built with :meth:`Rule.finding`, which fills in the code, severity, message, hint,
the model ``loc`` and the ``source`` from the form's provenance.

Rules with ``target = "document"`` get the whole list of forms of one document in
``check_document(forms)`` instead (cross-form consistency, JX5xx). Further targets (the
disclosure tables of JX6xx) plug in through :func:`jixiao.review.engine.register_target`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from jixiao.model import DepartmentTargetForm, ProjectTargetForm, SourceRef
from jixiao.model.forms import Loc
from jixiao.review.finding import Finding, Fix, Severity
from jixiao.review.profiles import Profile

TargetForm = DepartmentTargetForm | ProjectTargetForm


class Dimension(StrEnum):
    """The four review aspects of 88号 (domain.md §2.5); each rule belongs to one."""

    COMPLETENESS = "完整性"
    RELEVANCE = "相关性"
    APPROPRIATENESS = "适当性"
    FEASIBILITY = "可行性"


@dataclass
class RuleContext:
    """What a rule may know about the run besides the form itself."""

    profile: Profile
    params: dict[str, Any] = field(default_factory=dict)
    form: TargetForm | None = None
    form_index: int | None = None
    forms: list[TargetForm] = field(default_factory=list)
    """All forms of the document (for rules that need a neighbour, e.g. the department name)."""


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_CODE_RE = re.compile(r"^Rule_(JX\d{3})$")


class Rule:
    """Base class of every review rule (see style.md B4)."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    groups: ClassVar[tuple[str, ...]] = ("all",)
    aliases: ClassVar[tuple[str, ...]] = ()
    default_severity: ClassVar[Severity] = Severity.WARNING
    dimension: ClassVar[Dimension] = Dimension.COMPLETENESS
    checklist: ClassVar[tuple[str, ...]] = ()
    """The domain.md §8 checklist ids this rule implements (e.g. ("VAL-02",))."""
    message: ClassVar[str] = ""
    hint: ClassVar[str | None] = None
    target: ClassVar[str] = "form"
    """"form" (check), "document" (check_document) or a registered extra target."""
    form_kinds: ClassVar[tuple[str, ...]] = ("department", "project")
    config_keywords: ClassVar[dict[str, Any]] = {}
    """Parameters with their defaults; overridden by the profile, then by jixiao.toml."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        match = _CODE_RE.match(cls.__name__)
        if match:
            cls.code = match.group(1)

    def __init__(self, ctx: RuleContext | None = None, params: dict[str, Any] | None = None) -> None:
        self.ctx = ctx or RuleContext(profile=Profile.default())
        self.params: dict[str, Any] = dict(params or {})

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0].strip() if cls.__doc__ else ""

    def param(self, key: str) -> Any:
        """A parameter: jixiao.toml, then the profile, then the rule's default."""
        if key in self.params:
            return self.params[key]
        if key in self.ctx.params:
            return self.ctx.params[key]
        if key in self.ctx.profile.settings:
            return self.ctx.profile.settings[key]
        return self.config_keywords[key]

    def check(self, form: TargetForm) -> Iterator[Finding]:
        """Yield findings for one form (rules with ``target = "form"``)."""
        return iter(())

    def check_document(self, forms: list[TargetForm]) -> Iterator[Finding]:
        """Yield findings for all forms of one document (rules with ``target = "document"``)."""
        return iter(())

    def check_target(self, obj: Any) -> Iterator[Finding]:
        """Yield findings for an extra target registered with the engine."""
        return iter(())

    def finding(
        self,
        loc: Loc,
        *,
        form: TargetForm | None = None,
        form_index: int | None = None,
        severity: Severity | None = None,
        fix: Fix | None = None,
        message: str | None = None,
        hint: str | None = None,
        source: SourceRef | None = None,
        **values: object,
    ) -> Finding:
        """Build a finding at ``loc`` of ``form`` (default: the form being checked)."""
        form = form if form is not None else self.ctx.form
        if form_index is None and form is self.ctx.form:
            form_index = self.ctx.form_index
        ctx = {k: _text(v) for k, v in values.items()}
        template_hint = hint if hint is not None else self.hint
        # model_construct: every field is built here with the right type, so skip validation.
        return Finding.model_construct(
            code=self.code,
            name=self.name,
            severity=severity or self.default_severity,
            message=(message or self.message).format_map(_SafeDict(ctx)),
            hint=template_hint.format_map(_SafeDict(ctx)) if template_hint else None,
            loc=tuple(loc),
            source=source or source_for(form, tuple(loc)),
            form_index=form_index,
            ctx=ctx,
            fix=fix,
        )


def source_for(form: TargetForm | None, loc: Loc) -> SourceRef | None:
    """The most precise source of ``loc``; 分项绩效目标 rows use their own provenance."""
    if form is None:
        return None
    if len(loc) >= 2 and loc[0] == "sub_goals" and isinstance(loc[1], int):
        subs = form.__dict__.get("sub_goals", [])
        if 0 <= loc[1] < len(subs):
            sub = subs[loc[1]]
            if (len(loc) >= 4 and loc[2] == "indicators" and isinstance(loc[3], int)
                    and 0 <= loc[3] < len(sub.indicators) and sub.indicators[loc[3]].source):
                return sub.indicators[loc[3]].source
            if sub.source:
                return sub.source
    return form.source_of(loc)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "、".join(_text(v) for v in value)
    return str(value)

"""The forms: provenance lookup, indicator iteration, JSON round trips, the discriminator."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from pydantic import TypeAdapter

from jixiao.model import (
    DepartmentTargetForm,
    FormKind,
    ImportBatch,
    ImportedDocument,
    ImportProblem,
    Indicator,
    ProblemSeverity,
    ProjectTargetForm,
    SourceRef,
    TargetForm,
    parse_value,
)
from strategies import import_batches, target_forms

FORM_ADAPTER: TypeAdapter[DepartmentTargetForm | ProjectTargetForm] = TypeAdapter(TargetForm)

WHOLE = SourceRef(file="示例.txt", line=1, line_end=40)
BUDGET = SourceRef(file="示例.txt", line=8)
BASIC = SourceRef(file="示例.txt", line=9)
ROW_0 = SourceRef(file="示例.txt", line=20)


def sourced_form() -> DepartmentTargetForm:
    return DepartmentTargetForm(
        department_name="示例县工业局",
        source=WHOLE,
        field_sources={"budget": BUDGET, "budget.basic_expenditure": BASIC},
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", name="培训人数", source=ROW_0),
            Indicator(level1="产出指标", level2="质量指标", name="合格率"),
        ],
    )


def test_source_of_indicator_path_gives_the_row():
    """An indicator path resolves to the indicator's own row, whatever follows it."""
    form = sourced_form()
    assert [form.source_of(("indicators", 0)), form.source_of(("indicators", 0, "annual_value"))] == [
        ROW_0,
        ROW_0,
    ]


def test_source_of_field_path_gives_the_longest_known_prefix():
    """A field path resolves to the most precise field source recorded."""
    form = sourced_form()
    assert [
        form.source_of(("budget", "basic_expenditure", "amount")),
        form.source_of(("budget", "other_funds")),
    ] == [BASIC, BUDGET]


def test_source_of_unknown_path_falls_back_to_the_form():
    """Paths with no recorded place (or an indicator row without one) give the form's place."""
    form = sourced_form()
    assert [
        form.source_of(("overall_goal",)),
        form.source_of(("indicators", 1, "name")),
        form.source_of(("indicators", 99)),
        form.source_of(()),
    ] == [WHOLE, WHOLE, WHOLE, WHOLE]


def test_source_of_without_any_provenance_is_none():
    """A form built in code has no place to give."""
    assert ProjectTargetForm().source_of(("project_name",)) is None


def test_iter_indicators_skips_placeholders_unless_asked():
    """Placeholder rows are part of the printed form but not indicators to review."""
    form = ProjectTargetForm(
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", name="培训人数", annual_value=parse_value("≥30人")),
            Indicator(level1="成本指标", level2="社会成本指标"),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="满意度"),
        ]
    )
    assert (
        [loc for loc, _ in form.iter_indicators()],
        [loc for loc, _ in form.iter_indicators(placeholders=True)],
    ) == (
        [("indicators", 0), ("indicators", 2)],
        [("indicators", 0), ("indicators", 1), ("indicators", 2)],
    )


def test_display_name_falls_back_to_the_form_kind():
    """display_name is the department or project name, or the form's Chinese name."""
    assert [
        DepartmentTargetForm().display_name,
        ProjectTargetForm().display_name,
        ProjectTargetForm(project_name="示例项目").display_name,
    ] == ["部门整体绩效目标", "项目支出绩效目标", "示例项目"]


def test_target_form_discriminator_picks_the_class_from_kind():
    """JSON with kind "project" or "department" loads as the right class."""
    assert [
        type(FORM_ADAPTER.validate_json('{"kind": "project"}')),
        type(FORM_ADAPTER.validate_json('{"kind": "department"}')),
    ] == [ProjectTargetForm, DepartmentTargetForm]


def test_imported_document_ok_only_without_error_problems():
    """A document is ok unless one of its problems has error severity."""
    warning = ImportProblem(severity=ProblemSeverity.WARNING, code="w", message="示例")
    error = ImportProblem(severity=ProblemSeverity.ERROR, code="e", message="示例")
    assert [
        ImportedDocument(file="a", layout="x").ok,
        ImportedDocument(file="a", layout="x", problems=[warning]).ok,
        ImportedDocument(file="a", layout="x", problems=[warning, error]).ok,
    ] == [True, True, False]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(target_forms(with_sources=True))
def test_form_json_round_trip_gives_the_same_form(form: DepartmentTargetForm | ProjectTargetForm):
    """Dumping a form to JSON and loading it back gives an equal form of the same class."""
    loaded = FORM_ADAPTER.validate_json(FORM_ADAPTER.dump_json(form))
    assert (type(loaded), loaded) == (type(form), form)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=15)
@given(import_batches())
def test_batch_json_round_trip_gives_the_same_batch(batch: ImportBatch):
    """The whole export survives a JSON round trip."""
    assert ImportBatch.model_validate_json(batch.model_dump_json()) == batch


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(target_forms())
def test_form_kind_matches_the_class(form: DepartmentTargetForm | ProjectTargetForm):
    """kind is "department" for department forms and "project" for project forms."""
    expected = FormKind.DEPARTMENT if isinstance(form, DepartmentTargetForm) else FormKind.PROJECT
    assert form.kind == expected

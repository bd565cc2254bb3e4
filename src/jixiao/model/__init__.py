"""The domain model (pydantic v2, pure Python): forms, indicators, values, money, provenance."""

from jixiao.model.document import (
    SCHEMA_VERSION,
    ImportBatch,
    ImportedDocument,
    ImportProblem,
    ProblemSeverity,
    SetAsideSection,
)
from jixiao.model.enums import (
    Comparison,
    FormKind,
    IndicatorCategory,
    IndicatorSubcategory,
    MoneyUnit,
    OperatorStyle,
    ValueKind,
    parse_category,
    parse_subcategory,
)
from jixiao.model.forms import (
    DepartmentBudget,
    DepartmentTargetForm,
    FormBase,
    KeyTask,
    Loc,
    OrgRef,
    ProjectTargetForm,
    SpendingPlan,
    SpendingPoint,
    SubGoal,
    TargetForm,
)
from jixiao.model.indicators import Indicator
from jixiao.model.money import Money, parse_money
from jixiao.model.source import SourceRef
from jixiao.model.values import IndicatorValue, normalise_unit, parse_value, unit_in_name

__all__ = [
    "SCHEMA_VERSION",
    "Comparison",
    "DepartmentBudget",
    "DepartmentTargetForm",
    "FormBase",
    "FormKind",
    "ImportBatch",
    "ImportProblem",
    "ImportedDocument",
    "Indicator",
    "IndicatorCategory",
    "IndicatorSubcategory",
    "IndicatorValue",
    "KeyTask",
    "Loc",
    "Money",
    "MoneyUnit",
    "OperatorStyle",
    "OrgRef",
    "ProblemSeverity",
    "ProjectTargetForm",
    "SetAsideSection",
    "SourceRef",
    "SpendingPlan",
    "SpendingPoint",
    "SubGoal",
    "TargetForm",
    "ValueKind",
    "normalise_unit",
    "parse_category",
    "parse_money",
    "parse_subcategory",
    "parse_value",
    "unit_in_name",
]

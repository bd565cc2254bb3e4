"""docs/json-format.md: its example is a valid export and it documents every field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from jixiao.cli.commands.schema import forms_json_schema
from jixiao.model import SCHEMA_VERSION, ImportBatch

DOC = Path(__file__).resolve().parents[3] / "docs" / "json-format.md"


def json_blocks(text: str) -> list[str]:
    return re.findall(r"```json\n(.*?)\n```", text, flags=re.DOTALL)


def test_json_docs_example_validates_and_loads():
    """The example in the docs fits the schema and loads as an ImportBatch of this version."""
    [example] = json_blocks(DOC.read_text(encoding="utf-8"))
    data = json.loads(example)
    jsonschema.validate(data, forms_json_schema())
    assert ImportBatch.model_validate(data).schema_version == SCHEMA_VERSION


def test_json_docs_name_every_field_of_the_schema():
    """Every property of every model in the schema is named in the docs as `field`."""
    text = DOC.read_text(encoding="utf-8")
    schema = forms_json_schema()
    models = {"ImportBatch": schema, **schema["$defs"]}
    missing = sorted(
        f"{model}.{field}"
        for model, definition in models.items()
        for field in definition.get("properties", {})
        if f"`{field}`" not in text
    )
    assert missing == []

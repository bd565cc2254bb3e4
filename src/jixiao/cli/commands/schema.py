"""``jixiao schema``: the JSON Schema of the export, generated from the model.

The committed copy lives in ``docs/schema/jixiao-forms-<version>.schema.json``; a test keeps
it equal to :func:`forms_json_schema`. Regenerate it with
``jixiao schema -o docs/schema/jixiao-forms-<version>.schema.json`` (or
``pytest tests/core/cli --update-golden``) whenever the model changes, and bump
:data:`~jixiao.model.SCHEMA_VERSION` as docs/json-format.md says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from jixiao.cli.commands._common import err_console, handles_errors
from jixiao.cli.commands.import_ import write_text
from jixiao.model import SCHEMA_VERSION, ImportBatch

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(version: str = SCHEMA_VERSION) -> str:
    """``jixiao-forms-1.0.schema.json``."""
    return f"jixiao-forms-{version}.schema.json"


def forms_json_schema() -> dict[str, Any]:
    """The JSON Schema of what ``jixiao import`` writes (pydantic serialization mode)."""
    generated = ImportBatch.model_json_schema(mode="serialization")
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_file_name(),
        **generated,
        "title": f"jixiao 绩效目标表 JSON {SCHEMA_VERSION}",
        "description": (
            "Target forms imported by jixiao (预算绩效目标表), as written by `jixiao import`. "
            f"schema_version {SCHEMA_VERSION}; see docs/json-format.md."
        ),
    }


def schema_text() -> str:
    """The schema as committed: sorted keys, two-space indent, Chinese unescaped."""
    return json.dumps(forms_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@handles_errors
def schema_command(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="写入此文件，而不是标准输出。Write the schema to this file instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """输出 JSON 导出格式的 JSON Schema。Print the JSON Schema of the export format."""
    text = schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    write_text(output, text)
    err_console().print(f"JSON Schema {SCHEMA_VERSION} 已写入 {output}")


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)

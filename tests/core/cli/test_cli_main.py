"""The ``jixiao`` application: version, help, registered commands, the schema, ``python -m``."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

import jixiao
import jixiao.cli.commands
from jixiao.cli.commands.schema import forms_json_schema, schema_file_name, schema_text
from jixiao.cli.main import COMMAND_MODULES, JixiaoTyper, app, register_commands
from jixiao.errors import UnsupportedDocument
from jixiao.model import SCHEMA_VERSION

runner = CliRunner()

REPO_ROOT = Path(__file__).resolve().parents[3]
SCHEMA_PATH = REPO_ROOT / "docs" / "schema" / schema_file_name()


def test_main_version_prints_package_version():
    """--version prints the version of the package and exits 0."""
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"jixiao {jixiao.__version__}\n")


def test_main_without_arguments_shows_help_as_usage_error():
    """No command prints the help (exit 2, a usage error)."""
    result = runner.invoke(app, [])
    assert result.exit_code == 2, result.output
    assert "Usage: jixiao" in result.output


def test_main_unknown_command_exits_2():
    """An unknown command is a usage error."""
    assert runner.invoke(app, ["nope"]).exit_code == 2


def test_main_every_command_module_is_registered():
    """Every public module in jixiao.cli.commands is in COMMAND_MODULES, and nothing else."""
    present = {
        info.name
        for info in pkgutil.iter_modules(jixiao.cli.commands.__path__)
        if not info.name.startswith("_")
    }
    assert sorted(COMMAND_MODULES) == sorted(present)


def test_main_registered_command_names():
    """The app offers the commands of the registered modules."""
    names = sorted(command.name for command in app.registered_commands)
    base = {"import", "show", "schema", "demo"}
    assert base <= set(names)


def test_main_python_dash_m_runs_the_cli():
    """`python -m jixiao --version` works like the console script."""
    result = subprocess.run(
        [sys.executable, "-m", "jixiao", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"jixiao {jixiao.__version__}\n")


def test_main_jixiao_error_escaping_a_command_exits_2_without_traceback(capsys):
    """The console-script path turns a JixiaoError into a message and exit code 2."""
    probe = JixiaoTyper()

    @probe.command()
    def boom() -> None:
        raise UnsupportedDocument("示例.txt", "未识别出绩效目标表", place="第1行")

    @probe.command()
    def other() -> None:
        """A second command, so that `boom` is a subcommand."""

    with pytest.raises(SystemExit) as exit_info:
        probe(["boom"], prog_name="jixiao")
    assert (exit_info.value.code, capsys.readouterr().err) == (
        2,
        "错误：示例.txt（第1行）：未识别出绩效目标表\n",
    )


def test_main_register_commands_calls_each_module_register():
    """register_commands imports the named modules and registers their commands."""
    target = typer.Typer()
    register_commands(target, ("schema",))
    assert [command.name for command in target.registered_commands] == ["schema"]


def test_schema_committed_file_equals_generated(update_golden):
    """docs/schema holds exactly the schema generated from the model (--update-golden rewrites)."""
    if update_golden:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def test_schema_is_a_valid_draft_2020_12_schema():
    """The generated schema is itself valid JSON Schema."""
    jsonschema.Draft202012Validator.check_schema(forms_json_schema())


def test_schema_file_name_carries_the_schema_version():
    """The committed file is named after SCHEMA_VERSION."""
    assert schema_file_name() == f"jixiao-forms-{SCHEMA_VERSION}.schema.json"


def test_schema_command_prints_the_schema():
    """`jixiao schema` prints the committed text on stdout."""
    result = runner.invoke(app, ["schema"])
    assert (result.exit_code, json.loads(result.stdout)) == (0, forms_json_schema())


def test_schema_command_output_option_writes_the_file(tmp_path):
    """`jixiao schema -o FILE` writes the same text to the file."""
    out = tmp_path / "s.json"
    result = runner.invoke(app, ["schema", "-o", str(out)])
    assert (result.exit_code, out.read_text(encoding="utf-8")) == (0, schema_text())

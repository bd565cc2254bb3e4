"""``jixiao import`` with the fake importer: JSON out, summary and problems on stderr, exit codes."""

from __future__ import annotations

import json

import jsonschema
import pytest
from cli_fake_importer import FAKE_LAYOUT, GOOD_TEXT, good_document
from typer.testing import CliRunner

from jixiao.cli.commands.schema import forms_json_schema
from jixiao.cli.main import app
from jixiao.importers import registry
from jixiao.model import ImportBatch, ImportedDocument, ImportProblem, ProblemSeverity, SourceRef

runner = CliRunner()

#: The registry's own importers() without its cache (the fixture replaces the attribute).
UNCACHED_IMPORTERS = registry.importers.__wrapped__

pytestmark = pytest.mark.usefixtures("fake_registry")

PROBLEM_TEXT = GOOD_TEXT + "问题\terror\trow-skipped\t第7行的指标行无法读取\n"


def test_import_one_file_to_stdout_writes_the_batch(write_file):
    """A readable file gives exit 0 and the whole ImportBatch as JSON on stdout."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert ImportBatch.model_validate_json(result.stdout) == ImportBatch(
        documents=[good_document("培训项目.txt")]
    )


def test_import_output_option_writes_file_and_keeps_stdout_empty(write_file, tmp_path):
    """With -o the JSON goes to the file, stdout stays empty, stderr names the file."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (result.stdout, ImportBatch.model_validate_json(out.read_text(encoding="utf-8"))) == (
        "",
        ImportBatch(documents=[good_document("培训项目.txt")]),
    )
    assert f"JSON 已写入 {out}" in result.stderr


def test_import_summary_row_names_file_layout_and_counts(write_file):
    """The summary table has one row: file, layout, 1 form, 2 indicators, no problems."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    result = runner.invoke(app, ["import", str(path)])
    rows = [line for line in result.stderr.splitlines() if "培训项目.txt" in line]
    cells = [[cell.strip() for cell in row.strip("│ ").split("│")] for row in rows]
    assert cells == [["培训项目.txt", FAKE_LAYOUT, "1", "2", "无"]]


def test_import_error_problem_exits_1_and_lists_the_place(write_file):
    """An import problem of error severity gives exit 1 and is listed with its line."""
    path = write_file("有问题.txt", PROBLEM_TEXT)
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 1, result.output
    listed = [line for line in result.stderr.splitlines() if line.startswith("[错误]")]
    assert listed == ["[错误] row-skipped 有问题.txt 第6行：有问题.txt：第7行的指标行无法读取"]


def test_import_warning_problem_exits_0(write_file):
    """Warnings are listed but do not change the exit code."""
    path = write_file("警告.txt", GOOD_TEXT + "问题\twarning\tvalue-guessed\t第3行的单位是推测的\n")
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "[警告] value-guessed 警告.txt 第6行：警告.txt：第3行的单位是推测的" in result.stderr


def test_import_unrecognised_file_among_good_exits_1_and_keeps_the_others(write_file):
    """A file of no known layout does not stop the others: it becomes a failed document."""
    good = write_file("a-培训项目.txt", GOOD_TEXT)
    bad = write_file("b-说明.txt", "这是一份说明文字，不是绩效目标表。\n")
    result = runner.invoke(app, ["import", str(good), str(bad)])
    assert result.exit_code == 1, result.output
    batch = ImportBatch.model_validate_json(result.stdout)
    assert [(doc.file, doc.layout, len(doc.forms)) for doc in batch.documents] == [
        ("a-培训项目.txt", FAKE_LAYOUT, 1),
        ("b-说明.txt", "unrecognised", 0),
    ]
    assert [(p.severity, p.code) for p in batch.documents[1].problems] == [
        (ProblemSeverity.ERROR, "unusable-input")
    ]


def test_import_every_file_unusable_exits_2(write_file):
    """When no input can be used at all the exit code is 2, and the JSON still says why."""
    bad = write_file("说明.txt", "说明文字\n")
    empty = write_file("空.txt", "")
    result = runner.invoke(app, ["import", str(bad), str(empty)])
    assert result.exit_code == 2, result.output
    batch = ImportBatch.model_validate_json(result.stdout)
    assert [(doc.file, doc.layout) for doc in batch.documents] == [
        ("说明.txt", "unrecognised"),
        ("空.txt", "unrecognised"),
    ]


def test_import_load_raising_import_failed_becomes_failed_document(write_file):
    """An importer that raises ImportFailed in load() gives a failed document, not a traceback."""
    path = write_file("坏表头.txt", "#FAIL\n")
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 2, result.output
    assert ImportBatch.model_validate_json(result.stdout).documents == [
        ImportedDocument(
            file="坏表头.txt",
            layout="unrecognised",
            problems=[
                ImportProblem(
                    severity=ProblemSeverity.ERROR,
                    code="unusable-input",
                    message="坏表头.txt（第1行）：示例版式的表头不完整",
                )
            ],
        )
    ]


def test_import_missing_file_exits_2_naming_it(write_file, tmp_path):
    """A path that does not exist is a usage error: exit 2, its name, no traceback."""
    good = write_file("培训项目.txt", GOOD_TEXT)
    missing = tmp_path / "不存在.txt"
    result = runner.invoke(app, ["import", str(good), str(missing)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"错误：找不到以下文件或目录：{missing}\n",
    )


def test_import_directory_reads_supported_files_in_order(write_file, tmp_path):
    """A directory is searched recursively for supported suffixes, in sorted order."""
    write_file("samples/b.txt", GOOD_TEXT)
    write_file("samples/sub/a.txt", GOOD_TEXT)
    write_file("samples/notes.md", "# 不导入\n")
    result = runner.invoke(app, ["import", str(tmp_path / "samples")])
    assert result.exit_code == 0, result.output
    batch = ImportBatch.model_validate_json(result.stdout)
    assert [doc.file for doc in batch.documents] == ["b.txt", "a.txt"]


def test_import_directory_without_documents_exits_2(tmp_path):
    """A directory with nothing importable is unusable input."""
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["import", str(tmp_path / "empty")])
    assert result.exit_code == 2, result.output
    assert "中没有可导入的文件" in result.stderr


def test_import_unwritable_output_exits_2(write_file, tmp_path):
    """An output path in a missing directory gives a clear message and exit 2."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    out = tmp_path / "无此目录" / "out.json"
    result = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"错误：无法写入 {out}：")


def test_import_missing_importer_module_becomes_failed_document(write_file, monkeypatch):
    """A registry entry whose module is absent fails each file with a message naming it."""
    monkeypatch.setattr(registry, "IMPORTERS", ("jixiao.importers.no_such_module:Nothing",))
    monkeypatch.setattr(registry, "importers", UNCACHED_IMPORTERS)
    path = write_file("培训项目.txt", GOOD_TEXT)
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 2, result.output
    [document] = ImportBatch.model_validate_json(result.stdout).documents
    assert [p.message for p in document.problems] == [
        "培训项目.txt：导入器模块缺失（jixiao.importers.no_such_module），请重新安装 jixiao"
    ]


def test_import_progress_bar_option_keeps_output_identical(write_file):
    """--progress only adds a bar on stderr; the JSON is the same."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    plain = runner.invoke(app, ["import", "--no-progress", str(path)])
    with_bar = runner.invoke(app, ["import", "--progress", str(path)])
    assert (with_bar.exit_code, with_bar.stdout) == (0, plain.stdout)


def test_import_output_validates_against_the_json_schema(write_file):
    """Everything `jixiao import` writes validates against the generated JSON Schema."""
    good = write_file("a.txt", PROBLEM_TEXT)
    bad = write_file("b.txt", "说明\n")
    result = runner.invoke(app, ["import", str(good), str(bad)])
    jsonschema.validate(json.loads(result.stdout), forms_json_schema())


def test_import_json_keeps_chinese_unescaped_and_decimal_as_string(write_file):
    """The JSON is readable UTF-8 and numbers of values are exact decimal strings."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    result = runner.invoke(app, ["import", str(path)])
    data = json.loads(result.stdout)
    value = data["documents"][0]["forms"][0]["indicators"][0]["annual_value"]
    assert ("培训企业数（家）" in result.stdout, value["number"], data["schema_version"]) == (
        True,
        "30",
        "1.0",
    )


def test_import_place_is_the_source_line(write_file):
    """Indicator provenance points at the user's own line."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    batch = ImportBatch.model_validate_json(runner.invoke(app, ["import", str(path)]).stdout)
    form = batch.documents[0].forms[0]
    assert form.source_of(("indicators", 2, "annual_value")) == SourceRef(file="培训项目.txt", line=5)


@pytest.mark.parametrize("args", [["import"], ["import", "--bogus", "x.txt"]])
def test_import_usage_error_exits_2(args: list[str]):
    """Missing arguments or unknown options are usage errors (exit 2)."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output


def test_import_file_named_twice_is_imported_twice(write_file):
    """Inputs are taken as given, in order; nothing is deduplicated silently."""
    path = write_file("培训项目.txt", GOOD_TEXT)
    result = runner.invoke(app, ["import", str(path), str(path)])
    batch = ImportBatch.model_validate_json(result.stdout)
    assert batch.documents == [good_document("培训项目.txt"), good_document("培训项目.txt")]


def test_import_binary_file_in_directory_is_reported_and_others_imported(write_file, tmp_path):
    """A binary file in a directory is reported as unreadable, the rest imported (exit 1)."""
    write_file("dir/a.txt", GOOD_TEXT)
    (tmp_path / "dir" / "b.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["import", str(tmp_path / "dir")])
    assert result.exit_code == 1, result.output
    batch = ImportBatch.model_validate_json(result.stdout)
    assert [(doc.file, doc.layout) for doc in batch.documents] == [
        ("a.txt", FAKE_LAYOUT),
        ("b.txt", "unrecognised"),
    ]


def test_problem_lines_do_not_repeat_a_place_the_message_starts_with():
    """A message that already starts with its place is printed once, with no prefix."""
    from jixiao.cli.commands._common import problem_lines

    source = SourceRef(file="a.txt", line=6)
    document = ImportedDocument(
        file="a.txt",
        layout=FAKE_LAYOUT,
        problems=[
            ImportProblem(code="row-shifted", message="a.txt 第6行：单元格与表头不对齐", source=source),
            ImportProblem(code="row-shifted", message="a.txt：单元格与表头不对齐", source=source),
            ImportProblem(code="no-place", message="a.txt：没有位置"),
        ],
    )
    assert [line.plain for line in problem_lines([document])] == [
        "[警告] row-shifted a.txt 第6行：单元格与表头不对齐",
        "[警告] row-shifted a.txt 第6行：a.txt：单元格与表头不对齐",
        "[警告] no-place a.txt：没有位置",
    ]


def test_import_importer_crash_is_reported_and_the_others_go_on(write_file, fake_registry, monkeypatch):
    """An unexpected exception in one file's import becomes an importer-crashed problem (exit 1)."""
    real_load = fake_registry.load

    def load(doc, layout):
        if doc.name == "b.txt":
            raise IndexError("list index out of range")
        return real_load(doc, layout)

    monkeypatch.setattr(fake_registry, "load", load)
    first = write_file("a.txt", GOOD_TEXT)
    second = write_file("b.txt", GOOD_TEXT)
    result = runner.invoke(app, ["import", str(first), str(second)])
    assert result.exit_code == 1, result.output
    assert ImportBatch.model_validate_json(result.stdout).documents == [
        good_document("a.txt"),
        ImportedDocument(
            file="b.txt",
            layout="unrecognised",
            problems=[
                ImportProblem(
                    severity=ProblemSeverity.ERROR,
                    code="importer-crashed",
                    message="b.txt：导入器内部错误，文件未能导入（IndexError: list index out of range）。"
                    "这是 jixiao 的缺陷，请连同该文件一起报告",
                )
            ],
        ),
    ]

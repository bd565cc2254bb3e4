"""``jixiao demo``: imports a samples directory and shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_fake_importer import GOOD_TEXT
from typer.testing import CliRunner

from jixiao.cli.commands.demo import default_samples_dir
from jixiao.cli.main import app

runner = CliRunner()

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.usefixtures("fake_registry")
def test_demo_shows_every_sample_and_exits_0(write_file, tmp_path):
    """Every sample is shown as a tree; problems in samples do not fail the demo."""
    write_file("samples/a.txt", GOOD_TEXT)
    write_file("samples/b.txt", GOOD_TEXT + "问题\terror\trow-skipped\t示例错误\n")
    result = runner.invoke(app, ["demo", "--samples", str(tmp_path / "samples")])
    assert result.exit_code == 0, result.output
    shown = [line for line in result.stdout.splitlines() if line.startswith("文件 ")]
    assert shown == [
        "文件 a.txt  版式 fake/test-1  编码 utf-8",
        "文件 b.txt  版式 fake/test-1  编码 utf-8",
    ]


@pytest.mark.usefixtures("fake_registry")
def test_demo_samples_that_cannot_be_read_exit_2(write_file, tmp_path):
    """When no sample can be imported at all the demo fails with exit 2."""
    write_file("samples/a.txt", "不是绩效目标表\n")
    result = runner.invoke(app, ["demo", "--samples", str(tmp_path / "samples")])
    assert result.exit_code == 2, result.output


def test_demo_missing_samples_directory_exits_2(tmp_path):
    """A samples directory that does not exist is named in the message (exit 2)."""
    missing = tmp_path / "无"
    result = runner.invoke(app, ["demo", "--samples", str(missing)])
    assert (result.exit_code, result.stderr.startswith(f"错误：找不到示例目录 {missing}")) == (2, True)


def test_demo_default_samples_dir_is_the_repository_samples():
    """Run from the checkout, the demo uses the repository's samples/ directory."""
    assert default_samples_dir() == REPO_ROOT / "samples"


@pytest.mark.usefixtures("fake_registry")
def test_demo_no_review_option_skips_the_review(write_file, tmp_path):
    """--no-review shows the forms only."""
    write_file("samples/a.txt", GOOD_TEXT)
    reviewed = runner.invoke(app, ["demo", "--samples", str(tmp_path / "samples")])
    plain = runner.invoke(app, ["demo", "--no-review", "--samples", str(tmp_path / "samples")])
    heading = "审核结果（jixiao check，默认规则）"
    assert (reviewed.exit_code, heading in reviewed.stdout, plain.exit_code, heading in plain.stdout) == (
        0,
        True,
        0,
        False,
    )

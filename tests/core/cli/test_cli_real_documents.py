"""The CLI on the real importers: our fictional samples/ and the shared seeds.

These tests use no fake: they run once the importers and samples exist, and skip only when
the sample files or ../shared/seeds are absent (never because code is missing).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jixiao.cli.commands.schema import forms_json_schema
from jixiao.cli.main import app
from jixiao.model import FormKind, ImportBatch

runner = CliRunner()

REPO_ROOT = Path(__file__).resolve().parents[3]
SAMPLES = REPO_ROOT / "samples"
SEEDS = REPO_ROOT.parent / "shared" / "seeds"

#: Forms per seed as domain.md describes them: (department forms, project forms).
SEED_FORMS = {
    "000": (1, 4),
    "001": (1, 3),
    "003": (1, 14),
    "004": (1, 10),
}


def sample_files() -> list[Path]:
    files = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".txt", ".docx", ".xlsx", ".pdf"))
    if not files:
        pytest.skip("samples/ holds no sample documents yet")
    return files


def seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} is absent from ../shared/seeds")
    return matches[0]


def test_demo_on_the_bundled_samples_exits_0_and_shows_every_sample():
    """`jixiao demo` (what scripts/run.sh runs) imports every sample and exits 0."""
    files = sample_files()
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    shown = [line.split("  ")[0] for line in result.stdout.splitlines() if line.startswith("文件 ")]
    assert shown == [f"文件 {path.name}" for path in files]
    assert "审核结果（jixiao check，默认规则）" in result.stdout


def test_import_samples_every_sample_yields_forms_and_valid_json(tmp_path):
    """Every sample is recognised, has at least one form, and the JSON fits the schema."""
    files = sample_files()
    out = tmp_path / "samples.json"
    result = runner.invoke(app, ["import", str(SAMPLES), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, forms_json_schema())
    batch = ImportBatch.model_validate(data)
    unrecognised = [doc.file for doc in batch.documents if doc.layout == "unrecognised" or not doc.forms]
    assert (len(batch.documents), unrecognised) == (len(files), [])


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", sorted(SEED_FORMS))
def test_import_seed_yields_the_forms_of_the_domain_brief(prefix: str, tmp_path):
    """Each seed gives the department and project forms domain.md lists, as schema-valid JSON."""
    path = seed(prefix)
    out = tmp_path / "seed.json"
    result = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, forms_json_schema())
    [document] = ImportBatch.model_validate(data).documents
    kinds = [form.kind for form in document.forms]
    assert (kinds.count(FormKind.DEPARTMENT), kinds.count(FormKind.PROJECT)) == SEED_FORMS[prefix]


@pytest.mark.seeds
def test_show_seed_prints_a_tree_for_every_form():
    """`jixiao show` on a seed prints one form node per form."""
    path = seed("000")
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code in (0, 1), result.output
    nodes = [
        line
        for line in result.stdout.splitlines()
        if "部门整体绩效目标表：" in line or "项目支出绩效目标表：" in line
    ]
    assert len(nodes) == sum(SEED_FORMS["000"])

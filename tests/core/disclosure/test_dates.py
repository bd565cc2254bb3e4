"""批复 and 公开 dates (DIS-06): read from the document where stated, supplied by the caller, JX624."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.disclosure.checks import check_disclosure
from jixiao.disclosure.dates import apply_dates, find_dates
from jixiao.disclosure.model import Disclosure, StatedDate
from jixiao.disclosure.parse_pdf import parse_disclosure_pdf
from jixiao.disclosure.parse_text import parse_disclosure_text
from jixiao.model import SourceRef
from support import CORPUS_DIR  # tests/ is on sys.path (pyproject pythonpath)

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "disclosure" / "fictional_tables.txt"
HERE = SourceRef(file="x.txt", line=3)


def _dated(approved: date | None, published: date | None) -> Disclosure:
    disclosure = Disclosure(file="x.txt", year=2025)
    apply_dates(disclosure, approved_on=approved, published_on=published)
    return disclosure


def test_find_dates_approval_sentence_and_label_read_with_evidence() -> None:
    """A date in the sentence of the 批复 and a 公开日期 label are read, each with its sentence and place."""
    approved, published = find_dates([
        ("本部门预算已经区财政局于2025年1月20日批复。其他说明。", HERE),
        ("公开日期：2025年2月3日", SourceRef(file="x.txt", line=9)),
    ])
    assert (approved, published) == (
        StatedDate(value=date(2025, 1, 20), evidence="本部门预算已经区财政局于2025年1月20日批复。", source=HERE),
        StatedDate(value=date(2025, 2, 3), evidence="公开日期：2025年2月3日", source=SourceRef(file="x.txt", line=9)),
    )


def test_find_dates_other_dates_not_taken() -> None:
    """A 批复 with only a document number, 实施周期 and 截至 dates give no date at all."""
    found = find_dates([
        ("根据《江苏省财政厅关于2019年省级部门预算的批复》（苏财预〔2019〕7号）填列。", HERE),
        ("五、实施周期2025年1月1日-2025年12月31日", HERE),
        ("截至2024年8月31日，共有车辆3辆。", HERE),
    ])
    assert found == (None, None)


def test_find_dates_cover_date_line_is_publication() -> None:
    """A line holding only a date on the cover is the publication date, marked as a cover date."""
    cover_source = SourceRef(file="x.pdf", page=1)
    assert find_dates([], cover="2018年度某单位预算公开\n2018年2月24日\n", cover_source=cover_source) == (
        None, StatedDate(value=date(2018, 2, 24), evidence="封面日期：2018年2月24日", source=cover_source))


def test_parse_text_dates_read_with_line_numbers() -> None:
    """The text reader takes a 批复 date stated in the explanation, with the line it is on."""
    text = FIXTURE.read_text(encoding="utf-8") + "\n本部门2025年预算于2025年1月10日经区财政局批复。\n"
    disclosure = parse_disclosure_text(text, file=FIXTURE.name)
    line = len(text.splitlines())
    assert (disclosure.approved_on.value, disclosure.approved_on.source.line, disclosure.published_on) == (
        date(2025, 1, 10), line, None)


def test_apply_dates_supplied_date_replaces_stated_one() -> None:
    """A date the caller supplies replaces the document's and says who gave it."""
    disclosure = Disclosure(approved_on=StatedDate(value=date(2025, 1, 1), evidence="文中"))
    apply_dates(disclosure, approved_on=date(2025, 1, 5))
    assert disclosure.approved_on == StatedDate(value=date(2025, 1, 5), evidence="由使用者提供")


def test_check_publication_more_than_20_days_warning() -> None:
    """Published 35 days after the 批复: one JX624 warning naming both dates and the days."""
    report = check_disclosure(_dated(date(2025, 1, 20), date(2025, 2, 24)))
    found = [(f.code, f.severity.value, f.message, f.hint) for f in report.findings if f.code == "JX624"]
    assert found == [("JX624", "warning", "2025年02月24日公开，距批复（2025年01月20日）35 天，超过 20 天",
                      "部门预算应在批复后 20 日内公开")]


def test_check_publication_on_day_20_holds() -> None:
    """Published exactly 20 days after the 批复: counted, no finding."""
    report = check_disclosure(_dated(date(2025, 1, 20), date(2025, 2, 9)))
    assert ([f for f in report.findings if f.code == "JX624"], report.evaluated["JX624"]) == ([], 1)


@pytest.mark.parametrize(("approved", "published"), [(None, date(2025, 2, 24)), (date(2025, 1, 20), None),
                                                     (None, None)])
def test_check_publication_unknown_date_silent(approved: date | None, published: date | None) -> None:
    """With either date unknown the rule says nothing (no info finding) and counts nothing."""
    report = check_disclosure(_dated(approved, published))
    assert ([f for f in report.findings if f.code == "JX624"], report.evaluated["JX624"]) == ([], 0)


def test_cli_disclosure_check_dates_options_give_jx624(tmp_path: Path) -> None:
    """``--approved-on``/``--published-on`` reach the check; the JSON export carries them."""
    result = CliRunner().invoke(app, ["disclosure", "check", str(FIXTURE), "--approved-on", "2025-01-20",
                                      "--published-on", "2025-03-01"])
    jx624 = [line for line in result.output.splitlines() if line.startswith("JX624")]
    assert jx624 == ["JX624 警告 2025年03月01日公开，距批复（2025年01月20日）40 天，超过 20 天"]
    out = tmp_path / "d.json"
    CliRunner().invoke(app, ["disclosure", "import", str(FIXTURE), "-o", str(out), "--published-on", "2025-03-01"])
    back = Disclosure.model_validate_json(out.read_text(encoding="utf-8"))
    assert (back.approved_on, back.published_on) == (
        None, StatedDate(value=date(2025, 3, 1), evidence="由使用者提供"))


@pytest.mark.skipif(not CORPUS_DIR.is_dir(), reason="disclosure corpus absent")
def test_parse_pdf_cover_date_jiangsu_court_2018() -> None:
    """The Jiangsu court's 2018 disclosure prints its date on the cover: read as the publication date."""
    path = CORPUS_DIR / "jiangsu__江苏省高级人民法院__省法院2018年度部门预算公开.pdf"
    if not path.is_file():
        pytest.skip("file absent")
    disclosure = parse_disclosure_pdf(path.read_bytes(), name=path.name)
    assert (disclosure.approved_on, disclosure.published_on.value, disclosure.published_on.source.page) == (
        None, date(2018, 2, 24), 1)

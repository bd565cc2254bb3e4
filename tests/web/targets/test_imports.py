"""Import: upload checks (hostile uploads refused), preview without storing, confirm all-or-none."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import jixiao.importers
from jixiao.errors import UnsupportedDocument
from jixiao.model import ImportedDocument
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.targets.imports import (
    import_job_confirm,
    import_job_create,
    import_job_parse,
    import_job_start,
)
from jixiao_web.targets.models import ImportJob, ImportStatus, TargetForm
from jixiao_web.targets.uploads import expand_uploads, safe_name
from web.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_importer(monkeypatch):
    """An importer that reads "项目N" files into one project form and refuses others."""

    def import_bytes(data: bytes, *, name: str) -> ImportedDocument:
        text = data.decode("utf-8", "replace")
        if not text.startswith("项目"):
            raise UnsupportedDocument(name, "未识别出绩效目标表")
        return ImportedDocument(file=name, layout="project-target/test", forms=[make_project(text.strip())])

    monkeypatch.setattr(jixiao.importers, "import_bytes", import_bytes)


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["../etc/passwd", "/etc/passwd", "a/../../b.txt", "C:\\x.txt", "\\\\server\\x.txt", ""])
def test_safe_name_with_path_raises(name):
    """Names with directories, traversal or drives are refused."""
    with pytest.raises(ApplicationError):
        safe_name(name)


def test_expand_uploads_zip_with_traversal_entry_raises():
    """A zip entry named ../x.txt refuses the whole upload."""
    with pytest.raises(ApplicationError) as info:
        expand_uploads([("a.zip", _zip({"../evil.txt": b"x"}))])
    assert info.value.code == "unsafe_name"


def test_expand_uploads_zip_bomb_raises(settings):
    """A highly compressible entry (zip bomb) is refused before it is expanded."""
    with pytest.raises(ApplicationError) as info:
        expand_uploads([("bomb.zip", _zip({"zeros.txt": b"\0" * (3 * 1024 * 1024)}))])
    assert info.value.code == "zip_bomb"
    assert "压缩炸弹" in info.value.message


def test_expand_uploads_zip_declared_too_large_raises(settings):
    """A zip whose entries expand beyond the total limit is refused."""
    settings.JIXIAO_ZIP_MAX_UNCOMPRESSED_BYTES = 1000
    with pytest.raises(ApplicationError) as info:
        expand_uploads([("big.zip", _zip({"a.txt": b"x" * 600, "b.txt": b"y" * 600}, zipfile.ZIP_STORED))])
    assert info.value.code == "zip_too_large"


def test_expand_uploads_nested_zip_raises():
    """A zip inside a zip is refused."""
    with pytest.raises(ApplicationError) as info:
        expand_uploads([("outer.zip", _zip({"inner.zip": _zip({"a.txt": b"x"})}))])
    assert info.value.code == "nested_zip"


def test_expand_uploads_huge_file_raises(settings):
    """A file over the size limit is refused with its name."""
    settings.JIXIAO_UPLOAD_MAX_BYTES = 10
    with pytest.raises(ApplicationError) as info:
        expand_uploads([("big.txt", b"x" * 11)])
    assert info.value.code == "file_too_large" and "big.txt" in info.value.message


def test_expand_uploads_zip_unpacks_plain_entries():
    """A zip's files are imported as if uploaded one by one; macOS metadata is skipped."""
    docs = expand_uploads([("a.zip", _zip({"dir/项目.txt": "项目甲".encode(), "__MACOSX/._x": b"x"}))])
    assert [d.name for d in docs] == ["项目.txt"]


def test_import_job_parse_stores_nothing_until_confirm(world, fake_importer):
    """Parsing fills the preview; no target form exists before confirmation."""
    job = import_job_create(actor=world.filer_a, organisation=world.unit_a, budget_year=2026, stage="first",
                            files=[("a.txt", "项目甲".encode()), ("b.txt", b"nonsense"), ("c.doc", b"x")])
    job = import_job_parse(job_id=job.pk)
    assert job.status == ImportStatus.READY and job.form_count == 1
    assert [bool(d["error"]) for d in job.result] == [False, True, True]
    assert "不支持的文件类型" in job.result[2]["error"]
    assert TargetForm.objects.count() == 0
    forms = import_job_confirm(job=job, actor=world.filer_a)
    assert [f.name for f in forms] == ["项目甲"] and forms[0].source_file == "a.txt"
    assert not job.files.exists()
    with pytest.raises(ApplicationError):
        import_job_confirm(job=job, actor=world.filer_a)


def test_import_job_confirm_failure_stores_nothing(world, fake_importer, monkeypatch):
    """If one form cannot be stored, none are (one transaction)."""
    job = import_job_create(actor=world.filer_a, organisation=world.unit_a, budget_year=2026, stage="first",
                            files=[("a.txt", "项目甲".encode()), ("b.txt", "项目乙".encode())])
    job = import_job_parse(job_id=job.pk)
    job.result[1]["forms"][0]["data"]["indicators"] = "broken"
    job.save()
    with pytest.raises(ApplicationError):
        import_job_confirm(job=job, actor=world.filer_a)
    assert TargetForm.objects.count() == 0
    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.READY


def test_import_job_start_large_batch_runs_as_task(world, fake_importer, settings, django_capture_on_commit_callbacks):
    """A batch above the threshold is parsed by the django-tasks job, with progress recorded."""
    settings.JIXIAO_IMPORT_BACKGROUND_THRESHOLD = 1
    job = import_job_create(actor=world.filer_a, organisation=world.unit_a, budget_year=2026, stage="first",
                            files=[("a.txt", "项目甲".encode()), ("b.txt", "项目乙".encode())])
    with django_capture_on_commit_callbacks(execute=True):
        import_job_start(job=job)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY and job.done_files == 2 and job.progress_pct == 100


def test_import_views_upload_preview_confirm(client, world, fake_importer):
    """The pages: upload → preview (with problems) → confirm → the form exists."""
    client.force_login(world.filer_a)
    upload = [SimpleUploadedFile("a.txt", "项目甲".encode()), SimpleUploadedFile("b.txt", b"nonsense")]
    response = client.post(reverse("targets:import_upload"), {"organisation": world.unit_a.pk, "budget_year": "2026", "stage": "first", "files": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    body = client.get(reverse("targets:import_preview", args=[job.pk])).content.decode()
    assert "项目甲" in body and "未识别出绩效目标表" in body and "确认导入" in body
    assert TargetForm.objects.count() == 0
    client.post(reverse("targets:import_confirm", args=[job.pk]))
    assert TargetForm.objects.get().organisation == world.unit_a


def test_import_upload_zip_bomb_view_shows_message(client, world):
    """A hostile upload is refused on the page with a clear message."""
    client.force_login(world.filer_a)
    bomb = SimpleUploadedFile("bomb.zip", _zip({"zeros.txt": b"\0" * (3 * 1024 * 1024)}))
    response = client.post(reverse("targets:import_upload"), {"organisation": world.unit_a.pk, "files": [bomb]})
    assert response.status_code == 400 and "压缩炸弹" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_import_preview_of_other_user_404(client, world, fake_importer):
    """An import batch is visible to its uploader only."""
    job = import_job_create(actor=world.filer_a, organisation=world.unit_a, budget_year=2026, stage="first", files=[("a.txt", "项目甲".encode())])
    client.force_login(world.filer_b)
    assert client.get(reverse("targets:import_preview", args=[job.pk])).status_code == 404


def test_import_upload_for_other_unit_404(client, world):
    """A filer cannot import into another unit."""
    client.force_login(world.filer_a)
    response = client.post(reverse("targets:import_upload"), {"organisation": world.unit_b.pk, "files": [SimpleUploadedFile("a.txt", b"x")]})
    assert response.status_code == 404


@pytest.mark.django_db(transaction=True)
def test_import_job_large_batch_runs_in_database_worker(world, fake_importer, settings):
    """With the database backend the job waits for the worker, which parses it with progress."""
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.JIXIAO_IMPORT_BACKGROUND_THRESHOLD = 1
    job = import_job_create(actor=world.filer_a, organisation=world.unit_a, budget_year=2026, stage="first",
                            files=[("a.txt", "项目甲".encode()), ("b.txt", "项目乙".encode())])
    import_job_start(job=job)
    job.refresh_from_db()
    assert job.status == ImportStatus.PARSING and job.done_files == 0
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY and job.done_files == 2


def test_import_upload_oversized_file_skipped_while_streaming(client, world, settings):
    """A file beyond the limit is dropped while it streams in and the page says so."""
    settings.JIXIAO_UPLOAD_MAX_BYTES = 1024
    client.force_login(world.filer_a)
    big = SimpleUploadedFile("big.txt", b"x" * 200_000)
    response = client.post(reverse("targets:import_upload"), {"organisation": world.unit_a.pk, "files": [big]})
    assert response.status_code == 400 and "big.txt" in response.content.decode() and "过大" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_import_upload_request_beyond_total_limit_refused(client, world, settings):
    """A request body beyond the total limit is not read and is refused with a message."""
    settings.JIXIAO_UPLOAD_MAX_TOTAL_BYTES = 10_000
    client.force_login(world.filer_a)
    big = SimpleUploadedFile("a.txt", b"x" * 50_000)
    response = client.post(reverse("targets:import_upload"), {"organisation": world.unit_a.pk, "files": [big]})
    assert response.status_code == 400 and "上传内容过大" in response.content.decode()


@pytest.fixture
def coded_importer(monkeypatch):
    """Files "项目@<code>" import as a project whose 用款单位 code is <code>."""
    from jixiao.model import OrgRef

    def import_bytes(data: bytes, *, name: str) -> ImportedDocument:
        name_text, _, code = data.decode().partition("@")
        form = make_project(name_text)
        form.spending_unit = OrgRef(code=code or None)
        return ImportedDocument(file=name, layout="project-target/test", forms=[form])

    monkeypatch.setattr(jixiao.importers, "import_bytes", import_bytes)


def test_import_job_confirm_places_forms_by_printed_unit_code(world, coded_importer):
    """A department importing its units' forms (代编) stores each under the unit its code names;
    forms without a known code stay with the chosen organisation."""
    files = [("a.txt", "项目甲@101001".encode()), ("b.txt", "项目乙@".encode()), ("c.txt", "项目丙@102001".encode())]
    job = import_job_create(actor=world.dept_reviewer_a, organisation=world.dept_a, budget_year=2026, stage="first", files=files)
    job = import_job_parse(job_id=job.pk)
    forms = {f.name: f for f in import_job_confirm(job=job, actor=world.dept_reviewer_a)}
    assert forms["项目甲"].organisation == world.unit_a and forms["项目甲"].filed_by == world.dept_reviewer_a
    assert forms["项目乙"].organisation == world.dept_a
    assert forms["项目丙"].organisation == world.dept_a  # another department's unit is not allowed


def test_import_preview_shows_destination(client, world, coded_importer):
    """The preview says where each form will be stored."""
    job = import_job_create(actor=world.dept_reviewer_a, organisation=world.dept_a, budget_year=2026, stage="first",
                            files=[("a.txt", "项目甲@101001".encode())])
    import_job_parse(job_id=job.pk)
    client.force_login(world.dept_reviewer_a)
    body = client.get(reverse("targets:import_preview", args=[job.pk])).content.decode()
    assert "导入到 101001 示例县第一中学" in body


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf"])
def test_import_office_files_rendered_by_the_core(client, world, fmt):
    """Word, Excel and PDF uploads go through the real importers: a form rendered by the core
    renderers comes back with its name and indicators, inside a zip too."""
    from jixiao.renderers import render_form

    content = render_form(make_project(), fmt)
    client.force_login(world.filer_a)
    archive = SimpleUploadedFile("forms.zip", _zip({f"项目.{fmt}": content}))
    response = client.post(reverse("targets:import_upload"), {"organisation": world.unit_a.pk, "budget_year": "2026", "files": [archive]})
    assert response.status_code == 302, response.content.decode()[:500]
    job = ImportJob.objects.get()
    assert [d["error"] for d in job.result] == [""]
    form = job.result[0]["forms"][0]
    assert form["data"]["project_name"] == "示例县义务教育学校设备购置项目"
    assert form["indicator_count"] >= 3

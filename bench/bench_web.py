"""Web speed: page times and queries with many stored forms (in-memory SQLite, or DATABASE_URL).

Seeds the demo (samples/), copies its project forms until N forms exist, then times the list
page, a detail page (which runs the review engine), the 指标库 page and an import of every
sample file (upload → parse → confirm). Prints milliseconds per request and query counts.
Targets: list < 100 ms and a constant number of queries; detail < 300 ms.

    .venv/bin/python bench/bench_web.py [N]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.config.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def timed(client: Client, url: str, repeat: int = 5) -> tuple[float, int]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        for _ in range(repeat):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        elapsed = (time.perf_counter() - start) / repeat
    return elapsed * 1000, len(queries) // repeat


def main(n: int) -> None:
    setup_test_environment()

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("seed_demo", "--no-workflow", stdout=open(os.devnull, "w"))  # noqa: SIM115
        from jixiao_web.accounts.models import User
        from jixiao_web.targets.models import TargetForm
        from jixiao_web.targets.services import target_create

        finance = User.objects.get(username="finance")
        filer = User.objects.get(username="filer")
        templates = list(TargetForm.objects.filter(kind="project", organisation__code="215001"))
        start = time.perf_counter()
        i = 0
        while TargetForm.objects.count() < n:
            src = templates[i % len(templates)]
            data = dict(src.data, project_name=f"{src.name}（副本{i}）")
            target_create(organisation=src.organisation, budget_year=src.budget_year, core_form=data, actor=filer)
            i += 1
        print(f"stored {TargetForm.objects.count()} forms in {time.perf_counter() - start:.1f} s")

        client = Client()
        client.force_login(finance)
        some = TargetForm.objects.filter(kind="project").first()
        for label, url in (
            ("list (50 per page)", "/forms/"),
            ("list search", "/forms/?q=服务&status=draft"),
            ("detail + review", f"/forms/{some.pk}/"),
            ("review page", f"/workflow/{some.pk}/review/"),
            ("指标库", "/library/"),
            ("audit log", "/audit/"),
        ):
            ms, queries = timed(client, url)
            print(f"{label:22s} {ms:8.1f} ms  {queries:3d} queries")

        client.force_login(filer)
        samples = sorted(Path(__file__).resolve().parents[1].joinpath("samples").glob("*.txt"))
        files = [open(p, "rb") for p in samples]  # noqa: SIM115
        start = time.perf_counter()
        org = filer.organisation_id
        response = client.post("/forms/import/", {"organisation": org, "budget_year": "2025", "stage": "first", "files": files})
        job_url = response["Location"]
        client.post(job_url + "confirm/")
        for f in files:
            f.close()
        print(f"import {len(samples)} sample files (parse + review + confirm): {(time.perf_counter() - start) * 1000:.0f} ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

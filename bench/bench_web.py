"""Web speed: page times and queries with many stored forms (in-memory SQLite, or DATABASE_URL).

Seeds the demo (samples/), copies its project forms until N forms exist, then times the list
page, a detail page (which runs the review engine), the 指标库 page and an import of every
sample file (upload → parse → confirm). Prints milliseconds per request and query counts.
Targets: list < 100 ms and a constant number of queries; detail < 300 ms.

``--load`` measures the real server instead: a fresh SQLite database in a temporary directory
(migrate + seed_demo), a project form with 60 indicators, ``manage.py runserver --noreload``
(threaded) on 127.0.0.1, and USERS threads sending REQUESTS GETs of that form's page in all
(bounded, and stopped after 120 s) with http.client, each with a logged-in session of the
finance reviewer. Prints p50/p95/max latency, throughput and errors. Loopback only.

    .venv/bin/python bench/bench_web.py [N]
    .venv/bin/python bench/bench_web.py --load [USERS] [REQUESTS]     # default 20 users, 400 requests
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


SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from jixiao_web.accounts.models import User
from jixiao_web.targets.models import TargetForm
from jixiao_web.targets.services import target_create

call_command("seed_demo", "--no-workflow", stdout=open("/dev/null", "w"))
filer, finance = User.objects.get(username="filer"), User.objects.get(username="finance")
src = max(TargetForm.objects.filter(kind="project", organisation=filer.organisation), key=lambda f: f.indicator_count)
rows = src.data["indicators"]
data = dict(src.data, project_name="负载测试项目（60个指标）")
data["indicators"] = [dict(rows[i % len(rows)], name=f"{rows[i % len(rows)]['name']}{i + 1}") for i in range(60)]
form = target_create(organisation=src.organisation, budget_year=src.budget_year, core_form=data, actor=filer)
session = SessionStore()
session[SESSION_KEY] = str(finance.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = finance.get_session_auth_hash()
session.create()
print(json.dumps({"pk": form.pk, "indicators": form.indicator_count, "session": session.session_key}))
"""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load(users: int, total: int, time_limit: float = 120.0) -> None:
    """The real server under ``users`` concurrent users; see the module docstring."""
    import http.client
    import json
    import shutil
    import subprocess
    import tempfile
    import threading

    root = Path(__file__).resolve().parents[1]
    tmp = tempfile.mkdtemp(prefix="jixiao-bench-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"JIXIAO_VAR_DIR": tmp, "DJANGO_SETTINGS_MODULE": "jixiao_web.config.settings.base"}
    manage = [sys.executable, str(root / "manage.py")]
    server = None
    try:
        subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True)
        info = json.loads(subprocess.run([*manage, "shell", "-c", SETUP], env=env, check=True,
                                         capture_output=True, text=True).stdout.strip().splitlines()[-1])
        port = _free_port()
        server = subprocess.Popen([*manage, "runserver", "--noreload", f"127.0.0.1:{port}"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        path = f"/forms/{info['pk']}/"
        headers = {"Cookie": f"sessionid={info['session']}", "Connection": "close"}

        def get() -> tuple[int, float]:
            start = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
                ok = response.status if "负载测试项目".encode() in body or response.status != 200 else 599
                return ok, time.perf_counter() - start
            finally:
                conn.close()

        deadline = time.monotonic() + 30
        while True:  # wait for the server, and warm it up (first request imports the core)
            try:
                status, _ = get()
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not answer within 30 s")
            time.sleep(0.2)

        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        remaining = [total]
        stop_at = time.monotonic() + time_limit

        def worker() -> None:
            while time.monotonic() < stop_at:
                with lock:
                    if remaining[0] <= 0:
                        return
                    remaining[0] -= 1
                try:
                    status, seconds = get()
                except OSError as exc:
                    with lock:
                        errors.append(type(exc).__name__)
                    continue
                with lock:
                    latencies.append(seconds)
                    if status != 200:
                        errors.append(str(status))

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(users)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        latencies.sort()

        def pct(p: float) -> float:
            return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

        print(f"form page with {info['indicators']} indicators, {users} concurrent users, "
              f"{len(latencies) + sum(1 for e in errors if not e.isdigit())} requests in {wall:.1f} s "
              f"(runserver --noreload, threaded, SQLite, 127.0.0.1)")
        print(f"p50 {pct(0.50):.0f} ms  p95 {pct(0.95):.0f} ms  max {pct(1.0):.0f} ms  "
              f"{len(latencies) / wall:.1f} requests/s  errors {len(errors)}{' ' + str(sorted(set(errors))) if errors else ''}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--load":
        load(int(sys.argv[2]) if len(sys.argv) > 2 else 20, int(sys.argv[3]) if len(sys.argv) > 3 else 400)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

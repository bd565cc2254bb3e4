"""Web speed: page times and queries with many stored forms (in-memory SQLite, or DATABASE_URL).

Seeds the demo (samples/), copies its project forms until N forms exist, then times the list
page, a detail page (whose review is cached by the form's data digest), the 指标库 page and an
import of every sample file (upload → parse → confirm). Prints milliseconds per request and
query counts. Targets: list < 100 ms and a constant number of queries; detail < 300 ms.

``--load`` measures the real server instead, as a deployment runs it: a fresh SQLite database in
a temporary directory (migrate + seed_demo), a project form with 60 indicators, and
``gunicorn jixiao_web.config.wsgi:application --workers W`` (sync workers) on 127.0.0.1. Then:

* USERS simulated users, each requesting the form page, waiting a think time drawn uniformly
  from 0.5–1.5 s (seeded), and requesting again, as a load tool's users do (locust's
  ``between(0.5, 1.5)``); users start spread over the first 1.5 s;
* the same USERS in a closed loop without think time (every user sends its next request as soon
  as the answer arrives: the server always has USERS requests waiting), for comparison;
* the import of a generated fictional 30-form text document (1 department + 29 projects, from
  samples/gd-county-2025.txt) through the web: upload (parse + review) → preview page → confirm,
  end to end as the filer.

Each load phase stops after REQUESTS requests or 25 s. Prints p50/p95/max latency, requests/s
and errors (non-200 answers, or a page without the form's name). ``--load-runserver`` runs the
same phases against ``manage.py runserver --noreload`` (one threaded process) instead.
Loopback only; the demo disclosure is not seeded (it plays no part here).

    .venv/bin/python bench/bench_web.py [N]
    .venv/bin/python bench/bench_web.py --load [USERS] [REQUESTS] [WORKERS]   # default 20 600 4
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
            ("detail (review cached)", f"/forms/{some.pk}/"),
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
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.core.management import call_command
from jixiao_web.accounts.models import User
from jixiao_web.targets.models import TargetForm
from jixiao_web.targets.services import target_create

import jixiao_web.disclosures.demo as demo
demo.seed_demo_disclosure = lambda **kwargs: None  # the demo disclosure plays no part here
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
filer_session = SessionStore()
filer_session[SESSION_KEY] = str(filer.pk)
filer_session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
filer_session[HASH_SESSION_KEY] = filer.get_session_auth_hash()
filer_session.create()
csrf_request = HttpRequest()
csrf_token = get_token(csrf_request)
print(json.dumps({"pk": form.pk, "indicators": form.indicator_count, "session": session.session_key,
                  "filer_session": filer_session.session_key, "organisation": filer.organisation_id,
                  "csrf": csrf_token, "csrf_cookie": csrf_request.META["CSRF_COOKIE"]}))
"""

COUNT = """
from jixiao_web.targets.models import TargetForm
print(TargetForm.objects.filter(source_file="30-forms.txt").count())
"""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentiles(latencies: list[float]) -> tuple[float, float, float]:
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return pct(0.50), pct(0.95), pct(1.0)


def _drive(get, *, users: int, total: int, time_limit: float, think: tuple[float, float] | None,
           seed: int = 2025) -> tuple[list[float], list[str], float]:
    """``users`` threads share ``total`` requests (stopped after ``time_limit`` s).

    With ``think`` each user waits a random time in that range (seconds, uniform, seeded) after
    each answer before its next request, as a load tool's simulated user does; without it the
    users send the next request at once (closed loop, the server always has ``users`` waiting).
    """
    import random
    import threading

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    remaining = [total]
    stop_at = time.monotonic() + time_limit

    def user(index: int) -> None:
        rng = random.Random(seed + index)
        if think:  # users arrive spread over one think time, not all in the same instant
            time.sleep(rng.uniform(0, think[1]))
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
            if think:
                time.sleep(rng.uniform(*think))

    started = time.perf_counter()
    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - started


def _report(label: str, latencies: list[float], errors: list[str], wall: float) -> None:
    p50, p95, top = _percentiles(latencies)
    requests = len(latencies) + sum(1 for e in errors if not e.isdigit())
    print(f"{label}: {requests} requests in {wall:.1f} s")
    print(f"    p50 {p50:.0f} ms  p95 {p95:.0f} ms  max {top:.0f} ms  {len(latencies) / wall:.1f} requests/s  "
          f"errors {len(errors)}{' ' + str(sorted(set(errors))) if errors else ''}")


def thirty_form_document() -> bytes:
    """A fictional text document of 30 forms (1 department + 29 projects) from samples/gd-county-2025.txt."""
    import re

    lines = (Path(__file__).resolve().parents[1] / "samples" / "gd-county-2025.txt").read_text(
        encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("附件")]
    head = "".join(lines[: starts[1]])
    projects = ["".join(lines[a:b]) for a, b in zip(starts[1:], [*starts[2:], len(lines)], strict=True)]
    out = [head]
    for i in range(29):
        out.append(re.sub(r"(项目名称\t+)([^\t\n]+)", lambda m, i=i: f"{m.group(1)}{m.group(2)}（第{i + 1}项）",
                          projects[i % len(projects)], count=1))
    return "".join(out).encode("utf-8")


def load(users: int, total: int, workers: int = 4, time_limit: float = 25.0, server_kind: str = "gunicorn") -> None:
    """The real server under ``users`` concurrent users; see the module docstring."""
    import http.client
    import json
    import shutil
    import subprocess
    import tempfile
    import uuid

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
        if server_kind == "gunicorn":
            gunicorn = Path(sys.executable).with_name("gunicorn")
            command = [str(gunicorn), "jixiao_web.config.wsgi:application", "--workers", str(workers),
                       "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
            label = f"gunicorn --workers {workers} (sync)"
        else:
            command = [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"]
            label = "runserver --noreload (threaded, one process)"
        server = subprocess.Popen(command, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        path = f"/forms/{info['pk']}/"
        cookie = {"Cookie": f"sessionid={info['session']}"}

        def get() -> tuple[int, float]:
            start = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("GET", path, headers=cookie | {"Connection": "close"})
                response = conn.getresponse()
                body = response.read()
                ok = response.status if "负载测试项目".encode() in body or response.status != 200 else 599
                return ok, time.perf_counter() - start
            finally:
                conn.close()

        deadline = time.monotonic() + 30
        while True:  # wait for the server
            try:
                if get()[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not answer within 30 s")
            time.sleep(0.2)
        for _ in range(4 * workers):  # warm every worker (the first request imports the core)
            get()

        print(f"form page with {info['indicators']} indicators, {label}, SQLite, 127.0.0.1, "
              f"{os.cpu_count()} CPUs")
        think = (0.5, 1.5)
        _report(f"{users} users, think time uniform {think[0]}–{think[1]} s (at most {total} requests, {time_limit:.0f} s)",
                *_drive(get, users=users, total=total, time_limit=time_limit, think=think))
        _report(f"{users} users, closed loop without think time (at most {total} requests, {time_limit:.0f} s)",
                *_drive(get, users=users, total=total, time_limit=time_limit, think=None))

        # Import of a 30-form document through the web: upload → preview → confirm (as the filer).
        document = thirty_form_document()
        boundary = uuid.uuid4().hex
        fields = {"organisation": str(info["organisation"]), "budget_year": "2025", "stage": "first"}
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="30-forms.txt"\r\n'
                     f"Content-Type: text/plain\r\n\r\n".encode() + document + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        body = b"".join(parts)
        filer = {"Cookie": f"sessionid={info['filer_session']}; csrftoken={info['csrf_cookie']}", "X-CSRFToken": info["csrf"],
                 "Connection": "close"}

        def request(method: str, url: str, data: bytes | None = None, extra: dict | None = None):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                conn.request(method, url, body=data, headers=filer | (extra or {}))
                response = conn.getresponse()
                body = response.read()
                return response.status, response.getheader("Location") or "", body
            finally:
                conn.close()

        start = time.perf_counter()
        status, location, _ = request("POST", "/forms/import/", body,
                                      {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert status == 302 and "/import/" in location, (status, location)
        uploaded = time.perf_counter()
        status, _, page = request("GET", location)
        assert status == 200 and b"30-forms.txt" in page, status
        previewed = time.perf_counter()
        status, done, _ = request("POST", location + "confirm/", b"", {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 302 and done.endswith("/forms/"), (status, done, request("GET", done)[2][-3000:].decode())
        confirmed = time.perf_counter()
        count = subprocess.run([*manage, "shell", "-c", COUNT], env=env, check=True, capture_output=True,
                               text=True).stdout.strip().splitlines()[-1]
        print(f"import of a 30-form text document ({len(document) // 1024} KB) through the web: "
              f"{(confirmed - start) * 1000:.0f} ms end to end (upload + parse + review "
              f"{(uploaded - start) * 1000:.0f} ms, preview page {(previewed - uploaded) * 1000:.0f} ms, "
              f"confirm {(confirmed - previewed) * 1000:.0f} ms); forms stored: {count}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("--load", "--load-runserver"):
        load(int(sys.argv[2]) if len(sys.argv) > 2 else 20, int(sys.argv[3]) if len(sys.argv) > 3 else 600,
             workers=int(sys.argv[4]) if len(sys.argv) > 4 else 4,
             server_kind="runserver" if sys.argv[1] == "--load-runserver" else "gunicorn")
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

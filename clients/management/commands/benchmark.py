"""Print one JSON object of server-side figures for the main pages, on the large demo practice."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from clients.management.commands.seed_demo import refresh_planner_statistics
from clients.models import Client
from ruptures import corpus
from ruptures.detector import detect
from ruptures.markers import MARKERS
from ruptures.models import RuptureFlag, Source
from sessions.models import Session

BACKEND = "django.contrib.auth.backends.ModelBackend"


class _Rollback(Exception):
    """Raised to undo everything the benchmark wrote."""


class Command(BaseCommand):
    help = "Measure median server time and SQL queries per page; print them as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--therapists", type=int, default=20)
        parser.add_argument("--clients-per-therapist", type=int, default=50)
        parser.add_argument("--sessions-per-client", type=int, default=40)
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per page.")
        parser.add_argument(
            "--reader-only",
            action="store_true",
            help="Only measure the rupture reader (no practice is built).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reader_only"]:
            self.stdout.write(json.dumps(_reader_figures()))
            return
        therapist = self._practice(options)
        client = Client.objects.filter(therapist=therapist).order_by("code").first()
        assert client is not None
        figures: dict[str, Any] = {}
        with override_settings(ALLOWED_HOSTS=["testserver", "localhost"]):
            try:
                with transaction.atomic():
                    figures = self._measure(therapist, client, options["repeat"])
                    raise _Rollback
            except _Rollback:
                pass
        figures.update(_reader_figures())
        figures["export"] = _export_figures()
        baseline = figures["pages"]["baseline"]["median_ms"]
        figures["x_baseline"] = {
            name: round(page["median_ms"] / baseline, 2)
            for name, page in figures["pages"].items()
            if name != "baseline"
        }
        figures["practice"] = {
            "database": connection.vendor,
            "therapists": User.objects.filter(username__startswith="bench-therapist").count(),
            "clients_per_therapist": Client.objects.filter(therapist=therapist).count(),
            "sessions": Session.objects.filter(
                client__therapist__username__startswith="bench-"
            ).count(),
            "repeat": options["repeat"],
        }
        self.stdout.write(json.dumps(figures, indent=2))

    def _practice(self, options: dict[str, Any]) -> User:
        """Return the first benchmark therapist, building the large practice if absent.

        One supervisor supervises every benchmark therapist. The practice is seeded without
        the rupture scan (a full scan of 40,000 sessions takes minutes), then given a fixed
        sample of flags, one session in 37, so that the flag queries have work to do.
        """
        therapist = User.objects.filter(username="bench-therapist1").first()
        if therapist is None or not therapist.clients.exists():
            self.stderr.write("Building the benchmark practice (once)...")
            call_command(
                "seed_demo",
                prefix="bench-",
                therapists=options["therapists"],
                supervisors=1,
                clients_per_therapist=options["clients_per_therapist"],
                sessions_per_client=options["sessions_per_client"],
                quiet=True,
                no_scan=True,
                stdout=self.stderr,
            )
            therapist = User.objects.get(username="bench-therapist1")
        bench = Session.objects.filter(client__therapist__username__startswith="bench-")
        if not RuptureFlag.objects.filter(session__in=bench).exists():
            self._flag_sample(bench)
        return therapist

    @staticmethod
    def _flag_sample(bench: Any) -> None:
        """Flag one benchmark session in 37, then refresh the planner's statistics."""
        RuptureFlag.objects.bulk_create(
            RuptureFlag(
                session_id=sid,
                client_id=cid,
                source=Source.NOTE,
                marker=MARKERS[i % len(MARKERS)],
                evidence={"spans": []},
            )
            for i, (sid, cid) in enumerate(
                bench.order_by("pk").values_list("pk", "client_id")[::37]
            )
        )
        refresh_planner_statistics()

    def _measure(self, therapist: User, client: Client, repeat: int) -> dict[str, Any]:
        browser = HttpClient()
        browser.force_login(therapist, backend=BACKEND)
        detail = reverse("clients:detail", args=[client.pk])
        save_url = reverse("sessions:create", args=[client.pk])
        when = (timezone.localtime() - dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
        session_data = {
            "starts_at": when,
            "duration_minutes": 50,
            "modality": "in_person",
            "attendance": "attended",
            "goals_rating": 4,
            "tasks_rating": 4,
            "bond_rating": 5,
            "notes": "Benchmark note: the client talked about work and sleep. " * 10,
            **{f"wai-item_{i}": 4 for i in range(1, 13)},
        }
        supervisor_browser = HttpClient()
        supervisor_browser.force_login(
            User.objects.get(username="bench-supervisor1"), backend=BACKEND
        )
        pages: dict[str, Callable[[], Any]] = {
            "baseline": lambda: browser.get(reverse("accounts:account")),
            "caseload": lambda: browser.get(reverse("clients:caseload")),
            "client": lambda: browser.get(detail),
            "session_save": lambda: browser.post(save_url, session_data, HTTP_HX_REQUEST="true"),
            "supervisor_dashboard": lambda: supervisor_browser.get(
                reverse("supervision:dashboard")
            ),
        }
        return {"pages": {name: _time(call, repeat) for name, call in pages.items()}}


def _time(call: Callable[[], Any], repeat: int) -> dict[str, float | int]:
    """Return the median wall time of `call` in ms and its SQL query count."""
    for _ in range(3):  # warm caches and connections
        response = call()
        if response.status_code != 200:
            raise RuntimeError(f"benchmark request answered {response.status_code}")
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        call()
    # The benchmark's own rollback wrapper turns the views' transactions into savepoints.
    counted = [
        q
        for q in queries.captured_queries
        if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    return {"median_ms": round(statistics.median(timings), 2), "queries": len(counted)}


def _reader_figures() -> dict[str, int]:
    return {
        "rupture_scan_notes_per_s": _rupture_scan_rate(count=1000, length=600),
        "rupture_scan_long_notes_per_s": _rupture_scan_rate(count=500, length=1500),
    }


def _rupture_scan_rate(count: int, length: int) -> int:
    """Return notes read per second by the rupture reader, on one core, for notes of
    `length` characters.

    The notes are cut from the labelled corpus (written by independent writers, short and
    structured notes alike), notes of one language joined until they reach `length`; half
    are French, half English.
    """
    by_language: dict[str, list[str]] = {"fr": [], "en": []}
    for batch in corpus.load_batches().values():
        for note in batch:
            by_language[note.language or "fr"].append(note.text)
    rng = random.Random(42)
    for texts in by_language.values():
        rng.shuffle(texts)
    notes, position = [], 0
    for i in range(count):
        texts = by_language["fr" if i % 2 else "en"]  # a note is in one language
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(texts[position % len(texts)])
            position += 1
        notes.append(" ".join(parts)[:length])
    for note in notes[:200]:
        detect(note)  # load the model and fill its caches outside the timing
    # Five rounds over the notes; the median round, as a shared machine's other work can
    # slow any one of them down.
    rates = []
    for _ in range(5):
        started = time.perf_counter()
        for note in notes:
            detect(note)
        rates.append(count / (time.perf_counter() - started))
    return round(statistics.median(rates))


def _rss_mb() -> float:
    """Return this process's resident memory in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def _export_figures() -> dict[str, float]:
    """Export every session of the benchmark practice as CSV and as XLSX, as an admin.

    Rows per second for each, and the peak growth of resident memory while they run,
    sampled every 10 ms.
    """
    from exports.models import ExportJob
    from exports.rows import session_rows
    from exports.writers import write_csv, write_xlsx

    admin = User.objects.get(username="admin")
    therapists = list(
        User.objects.filter(username__startswith="bench-therapist").values_list("pk", flat=True)
    )
    job = ExportJob(requested_by=admin, content="sessions", format="csv", therapist_ids=therapists)
    start_rss = _rss_mb()
    peak = [start_rss]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _rss_mb())
            stop.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    rates = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, writer in (("csv", write_csv), ("xlsx", write_xlsx)):
                headers, rows, _total = session_rows(job)
                started = time.perf_counter()
                count = writer(Path(folder) / f"bench.{name}", headers, rows, lambda n: None)
                rates[f"{name}_rows_per_s"] = round(count / (time.perf_counter() - started))
    finally:
        stop.set()
        sampler.join()
    rates["peak_rss_growth_mb"] = round(peak[0] - start_rss, 1)
    rates["rows"] = count
    return rates

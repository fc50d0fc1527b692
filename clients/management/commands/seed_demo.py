"""Create the demo practice, if absent: users of every role, clients, goals, tasks, sessions."""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Language, Role, Supervision, User
from audit.models import AuditAction
from audit.services import audit_record
from clients import demo_notes
from clients.models import Client, ClientStatus, Goal, ProposedBy, Task, TaskStatus
from ruptures.services import rupture_scan_session
from sessions.models import Attendance, Modality, Session, WaiSr
from sessions.scoring import ITEM_COUNT

DEMO_PASSWORD = "alliance-demo-2026"
FIRST = {
    "fr": [
        "Camille",
        "Léa",
        "Mathieu",
        "Sophie",
        "Olivier",
        "Nadia",
        "Julien",
        "Chloé",
        "Gabriel",
        "Maude",
        "Étienne",
        "Rosalie",
        "Karim",
        "Amélie",
        "Félix",
    ],
    "en": [
        "Emma",
        "Liam",
        "Olivia",
        "Noah",
        "Ava",
        "Ethan",
        "Mia",
        "Lucas",
        "Zoe",
        "Owen",
        "Grace",
        "Ryan",
        "Hannah",
        "Jacob",
        "Chloe",
    ],
}
LAST = {
    "fr": [
        "Tremblay",
        "Gagnon",
        "Roy",
        "Côté",
        "Bouchard",
        "Gauthier",
        "Morin",
        "Lavoie",
        "Fortin",
        "Gagné",
        "Ouellet",
        "Pelletier",
        "Bélanger",
        "Lévesque",
        "Dubois",
    ],
    "en": [
        "Smith",
        "Brown",
        "Wilson",
        "Taylor",
        "Campbell",
        "Anderson",
        "Scott",
        "Reid",
        "Clark",
        "Walker",
        "Young",
        "Hall",
        "Wright",
        "King",
        "Baker",
    ],
}
MARKERS = list(demo_notes.RUPTURE)


class Command(BaseCommand):
    help = "Create the demo practice if absent and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--therapists", type=int, default=6)
        parser.add_argument("--supervisors", type=int, default=2)
        parser.add_argument("--clients-per-therapist", type=int, default=10)
        parser.add_argument("--sessions-per-client", type=int, default=20)
        parser.add_argument(
            "--prefix",
            default="",
            help="Username prefix, to keep a separate (e.g. benchmark) practice.",
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")
        parser.add_argument(
            "--no-scan",
            action="store_true",
            help="Do not read the new sessions for ruptures (large practices).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        rng = random.Random(options["seed"])
        prefix: str = options["prefix"]
        password = make_password(DEMO_PASSWORD)  # hashed once for every demo account
        with transaction.atomic():
            admin = _user("admin", Role.ADMIN, password, "Ada", "Admin", superuser=True)
            supervisors = [
                _user(
                    f"{prefix}supervisor{i}",
                    Role.SUPERVISOR,
                    password,
                    *_name(rng, "fr" if i % 2 else "en"),
                )
                for i in range(1, options["supervisors"] + 1)
            ]
            therapists = []
            per_supervisor = math.ceil(options["therapists"] / max(1, len(supervisors)))
            for i in range(1, options["therapists"] + 1):
                language = "fr" if i <= math.ceil(options["therapists"] / 2) else "en"
                therapist = _user(
                    f"{prefix}therapist{i}",
                    Role.THERAPIST,
                    password,
                    *_name(rng, language),
                    language=language,
                )
                therapists.append((i, therapist, language))
                if supervisors:
                    Supervision.objects.get_or_create(
                        supervisor=supervisors[(i - 1) // per_supervisor % len(supervisors)],
                        therapist=therapist,
                    )
            created = 0
            for index, therapist, language in therapists:
                if therapist.clients.exists():
                    continue
                created += _caseload(rng, therapist, index, language, prefix, options)
            if created and not options["no_scan"]:
                new = Session.objects.filter(ruptures_scanned_at__isnull=True)
                for session_id in new.values_list("id", flat=True).iterator():
                    rupture_scan_session(session_id=session_id)
            if created:
                audit_record(
                    actor=None,
                    action=AuditAction.MAINTENANCE,
                    object_type="demo.seed",
                    details={"sessions": created},
                )
        if created:
            refresh_planner_statistics()
        elapsed = time.perf_counter() - started
        total = Session.objects.count()
        self.stdout.write(
            f"Demo practice ready: {created} sessions created "
            f"({total} in the database) in {elapsed:.1f} s."
        )
        if not options["quiet"]:
            self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
            self.stdout.write(f"  admin        {admin.username}")
            for s in supervisors:
                self.stdout.write(f"  supervisor   {s.username}")
            for _, t, language in therapists:
                self.stdout.write(f"  therapist    {t.username} ({language})")


def refresh_planner_statistics() -> None:
    """Run ANALYZE on PostgreSQL after a bulk load.

    Until autovacuum comes by, the planner would plan the first pages for empty tables
    (the dashboard took about a third longer).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _name(rng: random.Random, language: str) -> tuple[str, str]:
    return rng.choice(FIRST[language]), rng.choice(LAST[language])


def _user(
    username: str,
    role: Role,
    password: str,
    first: str,
    last: str,
    superuser: bool = False,
    language: str = "",
) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "role": role,
            "password": password,
            "first_name": first,
            "last_name": last,
            "is_superuser": superuser,
            "language": language or Language.FRENCH,
        },
    )
    return user


def _rating(rng: random.Random, level: float) -> int:
    return max(1, min(5, round(level + rng.uniform(-0.6, 0.6))))


def _caseload(
    rng: random.Random,
    therapist: User,
    t_index: int,
    language: str,
    prefix: str,
    options: dict[str, Any],
) -> int:
    """Create one therapist's clients with a year of sessions; return the session count."""
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    tag = (prefix[:3] or "D").upper()
    sessions: list[Session] = []
    plans: list[tuple[Client, list[Session], str, list[Goal]]] = []
    for c_index in range(1, options["clients_per_therapist"] + 1):
        first, last = _name(rng, language)
        start = today - dt.timedelta(days=365 - rng.randint(0, 45))
        client = Client.objects.create(
            therapist=therapist,
            display_name=f"{first} {last}",
            code=f"{tag}-{t_index:02d}-{c_index:03d}",
            start_date=start,
            status=rng.choices(ClientStatus.values, weights=[85, 10, 5])[0],
            usual_duration_minutes=rng.choice([45, 50, 50, 60]),
        )
        goals = Goal.objects.bulk_create(
            [
                Goal(
                    client=client,
                    wording=wording,
                    order=order,
                    proposed_by=rng.choice(ProposedBy.values),
                    agreed_on=start + dt.timedelta(days=14),
                )
                for order, wording in enumerate(
                    rng.sample(demo_notes.GOALS[language], rng.randint(2, 3))
                )
            ]
        )
        client_sessions = _sessions(
            rng, client, therapist, language, start, today, tz, options["sessions_per_client"]
        )
        sessions.extend(client_sessions)
        plans.append((client, client_sessions, language, goals))
    Session.objects.bulk_create(sessions, batch_size=1000)
    _questionnaires_and_tasks(rng, plans)
    return len(sessions)


def _sessions(
    rng: random.Random,
    client: Client,
    therapist: User,
    language: str,
    start: dt.date,
    today: dt.date,
    tz: Any,
    count: int,
) -> list[Session]:
    span = (today - start).days
    rupture_at = (
        rng.randint(count // 3, max(count // 3, 2 * count // 3))
        if count >= 6 and rng.random() < 0.4
        else None
    )
    marker = rng.choice(MARKERS)
    level = rng.uniform(3.4, 4.3)
    result = []
    for k in range(count):
        day = start + dt.timedelta(days=int(span * (k + 0.5) / count))
        starts_at = dt.datetime.combine(
            day, dt.time(rng.randint(8, 17), rng.choice([0, 30])), tzinfo=tz
        )
        in_rupture = rupture_at is not None and rupture_at <= k < rupture_at + 2
        attendance = rng.choices(
            Attendance.values,
            weights=[80, 7, 5, 3, 3, 2] if not in_rupture else [55, 10, 10, 10, 15, 0],
        )[0]
        session = Session(
            client=client,
            therapist=therapist,
            starts_at=starts_at,
            duration_minutes=client.usual_duration_minutes,
            modality=rng.choices(Modality.values, weights=[70, 25, 5])[0],
            attendance=attendance,
            late_minutes=rng.randint(5, 25) if attendance == Attendance.LATE else None,
        )
        if attendance in (Attendance.ATTENDED, Attendance.LATE):
            dip = 1.6 if in_rupture else 0.0
            target = level + 0.4 * k / count - dip
            session.goals_rating = _rating(rng, target)
            session.tasks_rating = _rating(rng, target - (0.4 if marker == "disagreement" else 0))
            session.bond_rating = _rating(rng, target + 0.2)
            session.availability = rng.choices([2, 3, 4, 5], weights=[1, 3, 5, 3])[0]
            if in_rupture:
                session.notes = demo_notes.rupture_note(rng, language, marker)
            elif rupture_at is not None and k == rupture_at + 2:
                session.notes = demo_notes.repair_note(rng, language)
            else:
                session.notes = demo_notes.routine_note(rng, language)
        result.append(session)
    return result


def _questionnaires_and_tasks(
    rng: random.Random, plans: list[tuple[Client, list[Session], str, list[Goal]]]
) -> None:
    waisrs: list[WaiSr] = []
    tasks: list[Task] = []
    for _client, sessions, language, goals in plans:
        met = [s for s in sessions if s.attendance in (Attendance.ATTENDED, Attendance.LATE)]
        for n, session in enumerate(met):
            if n % 3 == 0:
                level = (session.goals_rating + session.bond_rating) / 2  # type: ignore[operator]
                waisrs.append(
                    WaiSr(
                        session=session,
                        **{
                            f"item_{i}": max(1, min(5, round(level + rng.uniform(-0.8, 0.8))))
                            for i in range(1, ITEM_COUNT + 1)
                        },
                    )
                )
            if rng.random() < 0.6:
                is_last = n == len(met) - 1
                status = (
                    TaskStatus.PENDING
                    if is_last
                    else rng.choices(
                        [TaskStatus.DONE, TaskStatus.PARTLY_DONE, TaskStatus.NOT_DONE],
                        weights=[60, 20, 20],
                    )[0]
                )
                tasks.append(
                    Task(
                        goal=rng.choice(goals),
                        description=rng.choice(demo_notes.TASKS[language]),
                        agreed_in_session=session,
                        due_date=(session.starts_at + dt.timedelta(days=14)).date(),
                        status=status,
                        reason_not_done=rng.choice(demo_notes.NOT_DONE_REASONS[language])
                        if status in (TaskStatus.PARTLY_DONE, TaskStatus.NOT_DONE)
                        else "",
                        reviewed_in_session=None if is_last else met[n + 1],
                    )
                )
    WaiSr.objects.bulk_create(waisrs, batch_size=1000)
    Task.objects.bulk_create(tasks, batch_size=1000)

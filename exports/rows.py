"""The rows of each kind of export, read through the requester's scope, a chunk at a time."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Max, Q, QuerySet
from django.utils import timezone

from audit.models import AuditEntry
from clients.models import Client
from exports.models import ExportJob
from ruptures.models import ACTIVE, RuptureFlag
from sessions.models import MET, Session
from sessions.scoring import ITEM_COUNT, SUBSCALE_ITEMS
from sessions.selectors import WAI_ITEMS

CHUNK = 2000
Rows = tuple[list[str], Iterator[list[Any]], int]


class Pseudonyms:
    """Stable pseudonyms: the same person gets the same one in every export."""

    def __init__(self) -> None:
        self._key = settings.SECRET_KEY.encode()

    def _make(self, kind: str, pk: int) -> str:
        digest = hmac.new(self._key, f"{kind}:{pk}".encode(), hashlib.sha256).hexdigest()
        return f"{kind[0].upper()}-{digest[:10].upper()}"

    def client(self, pk: int) -> str:
        return self._make("client", pk)

    def therapist(self, pk: int) -> str:
        return self._make("therapist", pk)

    def user(self, pk: int | None) -> str:
        return "" if pk is None else self._make("user", pk)

    def record(self, kind: str, object_id: str) -> str:
        """A pseudonym for any record: a client's or a user's as above, else its own."""
        if not object_id:
            return ""
        if kind == "clients.client" and object_id.isdigit():
            return self.client(int(object_id))
        if kind == "accounts.user" and object_id.isdigit():
            return self.user(int(object_id))
        digest = hmac.new(self._key, f"{kind}:{object_id}".encode(), hashlib.sha256).hexdigest()
        return f"R-{digest[:10].upper()}"


def period(job: ExportJob) -> tuple[dt.datetime, dt.datetime]:
    """Return the job's period as aware datetimes [start, end)."""
    tz = timezone.get_current_timezone()
    start = job.period_start or dt.date(2000, 1, 1)
    end = (job.period_end or timezone.localdate()) + dt.timedelta(days=1)
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end, dt.time.min, tzinfo=tz),
    )


def scope(job: ExportJob) -> QuerySet[Client]:
    """Return the clients the requester may see, narrowed to the chosen therapists."""
    clients = Client.objects.visible_to(job.requested_by)
    if job.therapist_ids:
        clients = clients.filter(therapist_id__in=job.therapist_ids)
    if job.client_id:
        clients = clients.filter(pk=job.client_id)
    return clients


def _who(job: ExportJob, names: Pseudonyms, pk: int, display: str, code: str) -> tuple[str, str]:
    return (names.client(pk), "") if job.deidentify else (display, code)


def session_rows(job: ExportJob) -> Rows:
    start, end = period(job)
    sessions = Session.objects.filter(
        client__in=scope(job), starts_at__gte=start, starts_at__lt=end
    )
    fields = [
        "client_id",
        "client__display_name",
        "client__code",
        "therapist_id",
        "therapist__first_name",
        "therapist__last_name",
        "starts_at",
        "duration_minutes",
        "modality",
        "attendance",
        "late_minutes",
        "goals_rating",
        "tasks_rating",
        "bond_rating",
        "availability",
        *WAI_ITEMS,
    ]
    if job.include_notes:
        fields.append("notes")
    headers = [
        "client",
        "client_code",
        "therapist",
        "date",
        "duration_minutes",
        "modality",
        "attendance",
        "late_minutes",
        "goals_rating",
        "tasks_rating",
        "bond_rating",
        "availability",
        "wai_task",
        "wai_bond",
        "wai_goal",
        "wai_total",
    ]
    if job.include_notes:
        headers.append("notes")
    names = Pseudonyms()
    tz = timezone.get_current_timezone()

    def rows() -> Iterator[list[Any]]:
        for values in (
            sessions.order_by("starts_at", "pk").values_list(*fields).iterator(chunk_size=CHUNK)
        ):
            client_id, display, code, therapist_id, first, last, when = values[:7]
            items = values[15 : 15 + ITEM_COUNT]
            client, client_code = _who(job, names, client_id, display, code)
            therapist = names.therapist(therapist_id) if job.deidentify else f"{first} {last}"
            wai: list[Any] = ["", "", "", ""]
            if items[0] is not None:
                wai = [
                    round(sum(items[i - 1] for i in SUBSCALE_ITEMS[k]) / 4, 2)
                    for k in ("task", "bond", "goal")
                ] + [sum(items)]
            row = [
                client,
                client_code,
                therapist.strip(),
                when.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                *values[7:15],
                *wai,
            ]
            if job.include_notes:
                row.append(values[-1])
            yield row

    return headers, rows(), sessions.count()


def summary_rows(job: ExportJob) -> Rows:
    start, end = period(job)
    in_period = Q(sessions__starts_at__gte=start, sessions__starts_at__lt=end)
    clients = (
        scope(job)
        .annotate(
            planned=Count("sessions", filter=in_period),
            attended=Count("sessions", filter=in_period & Q(sessions__attendance__in=MET)),
            mean_goals=Avg("sessions__goals_rating", filter=in_period),
            mean_tasks=Avg("sessions__tasks_rating", filter=in_period),
            mean_bond=Avg("sessions__bond_rating", filter=in_period),
            last=Max("sessions__starts_at", filter=in_period),
        )
        .order_by("therapist__last_name", "display_name", "pk")
    )
    flags = dict(
        RuptureFlag.objects.filter(client__in=scope(job), status__in=ACTIVE)
        .values_list("client_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    headers = [
        "client",
        "client_code",
        "therapist",
        "sessions_planned",
        "sessions_attended",
        "mean_goals",
        "mean_tasks",
        "mean_bond",
        "last_session",
        "open_flags",
    ]
    names = Pseudonyms()

    def rows() -> Iterator[list[Any]]:
        for c in clients.values(
            "pk",
            "display_name",
            "code",
            "therapist_id",
            "therapist__first_name",
            "therapist__last_name",
            "planned",
            "attended",
            "mean_goals",
            "mean_tasks",
            "mean_bond",
            "last",
        ).iterator(chunk_size=CHUNK):
            client, code = _who(job, names, c["pk"], c["display_name"], c["code"])
            therapist = (
                names.therapist(c["therapist_id"])
                if job.deidentify
                else f"{c['therapist__first_name']} {c['therapist__last_name']}".strip()
            )
            yield [
                client,
                code,
                therapist,
                c["planned"],
                c["attended"],
                *(
                    round(c[k], 2) if c[k] is not None else ""
                    for k in ("mean_goals", "mean_tasks", "mean_bond")
                ),
                c["last"].date().isoformat() if c["last"] else "",
                flags.get(c["pk"], 0),
            ]

    return headers, rows(), clients.count()


def flag_rows(job: ExportJob) -> Rows:
    start, end = period(job)
    flags = RuptureFlag.objects.filter(
        client__in=scope(job), session__starts_at__gte=start, session__starts_at__lt=end
    )
    headers = [
        "client",
        "client_code",
        "session_date",
        "source",
        "marker",
        "signal",
        "status",
        "confidence",
        "repaired_in_session",
        "repair_cause",
    ]
    if not job.deidentify:
        headers.append("dismissed_reason")
    names = Pseudonyms()

    def rows() -> Iterator[list[Any]]:
        for f in (
            flags.order_by("session__starts_at", "pk")
            .values(
                "client_id",
                "client__display_name",
                "client__code",
                "session__starts_at",
                "source",
                "marker",
                "signal",
                "status",
                "confidence",
                "repaired_in_session__starts_at",
                "repair_plan__cause",
                "dismissed_reason",
            )
            .iterator(chunk_size=CHUNK)
        ):
            client, code = _who(
                job, names, f["client_id"], f["client__display_name"], f["client__code"]
            )
            repaired = f["repaired_in_session__starts_at"]
            row = [
                client,
                code,
                f["session__starts_at"].date().isoformat(),
                f["source"],
                f["marker"],
                f["signal"],
                f["status"],
                f["confidence"],
                repaired.date().isoformat() if repaired else "",
                f["repair_plan__cause"] or "",
            ]
            if not job.deidentify:
                row.append(f["dismissed_reason"])
            yield row

    return headers, rows(), flags.count()


def audit_rows(job: ExportJob) -> Rows:
    start, end = period(job)
    entries = AuditEntry.objects.filter(at__gte=start, at__lt=end)
    headers = [
        "at_utc",
        "who",
        "action",
        "record_type",
        "record_id",
        "client_id",
        "request_id",
        "details",
    ]
    names = Pseudonyms()

    def rows() -> Iterator[list[Any]]:
        for e in (
            entries.order_by("at", "pk")
            .values_list(
                "at",
                "actor_id",
                "actor_label",
                "action",
                "object_type",
                "object_id",
                "client_id",
                "request_id",
                "details",
            )
            .iterator(chunk_size=CHUNK)
        ):
            at, actor_id, label, action, kind, object_id, client_id, request_id, details = e
            if job.deidentify:
                # No raw id beside a pseudonym, and of the details only what was recorded,
                # not the values (ids of sessions, names in an admin's change).
                who = names.user(actor_id) if actor_id else label
                client = names.client(client_id) if client_id else ""
                record = names.record(kind, object_id)
                detail = ", ".join(sorted(details)) if isinstance(details, dict) else ""
            else:
                who, record, detail = label, object_id, str(details)
                client = client_id if client_id is not None else ""
            yield [
                at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                who,
                action,
                kind,
                record,
                client,
                request_id,
                detail,
            ]

    return headers, rows(), entries.count()


ROWS = {"sessions": session_rows, "summary": summary_rows, "flags": flag_rows, "audit": audit_rows}

"""A data-subject export: everything about one client, as portable JSON and a readable PDF."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from audit.models import AuditEntry
from clients.models import Client
from exports.models import ExportJob
from exports.pdf import Section, write_pdf
from ruptures.models import RepairPlan, RuptureFlag
from sessions.alliance_chart import client_alliance_chart
from sessions.models import Session
from supervision.models import Comment


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def subject_data(client: Client) -> dict[str, Any]:
    """Return everything Alliance holds about one client, as plain data."""
    sessions = list(
        Session.objects.filter(client=client)
        .select_related("wai", "therapist")
        .order_by("starts_at")
    )
    data: dict[str, Any] = {
        "client": {
            "id": client.pk,
            "display_name": client.display_name,
            "code": client.code,
            "start_date": _iso(client.start_date),
            "status": client.status,
            "context": client.context,
            "therapist": str(client.therapist),
        },
        "goals": [
            {
                "wording": g.wording,
                "proposed_by": g.proposed_by,
                "agreed_on": _iso(g.agreed_on),
                "priority": g.priority,
                "difficulty": g.difficulty,
                "status": g.status,
                "tasks": [
                    {
                        "description": t.description,
                        "due_date": _iso(t.due_date),
                        "status": t.status,
                        "reason_not_done": t.reason_not_done,
                    }
                    for t in g.tasks.all()
                ],
            }
            for g in client.goals.prefetch_related("tasks")
        ],
        "sessions": [],
        "rupture_flags": [],
        "supervision_comments": [
            {"at": _iso(c.created_at), "author": str(c.author), "text": c.body}
            for c in Comment.objects.filter(client=client).select_related("author")
        ],
        "audit_trail": [
            {
                "at": _iso(e.at),
                "who": e.actor_label,
                "action": e.action,
                "record": e.object_type,
                "record_id": e.object_id,
            }
            for e in AuditEntry.objects.filter(client_id=client.pk).order_by("at")
        ],
    }
    for s in sessions:
        wai = getattr(s, "wai", None) if hasattr(s, "wai") else None
        data["sessions"].append(
            {
                "starts_at": _iso(s.starts_at),
                "duration_minutes": s.duration_minutes,
                "modality": s.modality,
                "attendance": s.attendance,
                "late_minutes": s.late_minutes,
                "practitioner": str(s.therapist),
                "goals_rating": s.goals_rating,
                "tasks_rating": s.tasks_rating,
                "bond_rating": s.bond_rating,
                "notes": s.notes,
                "wai_sr": wai.responses() if wai else None,
            }
        )
    plans = {p.flag_id: p for p in RepairPlan.objects.filter(flag__client=client)}
    for f in RuptureFlag.objects.filter(client=client).select_related("session"):
        plan = plans.get(f.pk)
        data["rupture_flags"].append(
            {
                "session": _iso(f.session.starts_at),
                "source": f.source,
                "marker": f.marker,
                "signal": f.signal,
                "status": f.status,
                "dismissed_reason": f.dismissed_reason,
                "repair_plan": None
                if plan is None
                else {
                    "cause": plan.cause,
                    "responsibility": plan.responsibility,
                    "exploration": plan.exploration,
                    "adjustment": plan.adjustment,
                    "empathy": [
                        plan.empathy_emotion,
                        plan.empathy_reflection,
                        plan.empathy_confirmation,
                    ],
                },
            }
        )
    return data


def write_subject_archive(job: ExportJob, path: Path) -> int:
    """Write a zip holding client.json and client.pdf; return the number of sessions."""
    client = Client.objects.select_related("therapist").get(pk=job.client_id)
    data = subject_data(client)
    pdf_path = path.with_suffix(".pdf.tmp")
    sessions = [
        [
            s["starts_at"][:16].replace("T", " "),
            s["attendance"],
            "/".join(str(s[k] or "-") for k in ("goals_rating", "tasks_rating", "bond_rating")),
            (s["notes"] or "")[:300],
        ]
        for s in data["sessions"]
    ]
    write_pdf(
        pdf_path,
        _("Everything Alliance holds about %(name)s") % {"name": client.display_name},
        [
            _("Code: %(code)s") % {"code": client.code},
            _("Therapist: %(name)s") % {"name": client.therapist},
        ],
        [
            Section(_("Alliance over time"), charts=[client_alliance_chart(client=client)]),
            Section(
                _("Goals and tasks"),
                paragraphs=[
                    f"{g['wording']} ({g['status']}): "
                    + "; ".join(t["description"] for t in g["tasks"])
                    for g in data["goals"]
                ],
            ),
            Section(
                _("Sessions"),
                headers=[_("date"), _("attendance"), _("goals/tasks/bond"), _("notes (start)")],
                rows=sessions,
            ),
        ],
        _("The table is cut at 500 rows; the JSON file holds all of them."),
    )
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("client.json", json.dumps(data, ensure_ascii=False, indent=2))
            archive.write(pdf_path, "client.pdf")
    finally:
        pdf_path.unlink(missing_ok=True)
    return len(data["sessions"])

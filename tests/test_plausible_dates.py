"""No date can break a record for good (audit finding 1, HIGH, and the dates of finding 8).

A no-show dated 9999-12-31T23:59 used to save; in UTC it is year 10000, which no page could
read back. Every date a user enters is now kept between 2000-01-01 and 2100-12-31, by the
form, by the model's validation and by the database.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from alliance.dates import is_plausible
from clients.models import Client, Task
from conftest import Practice
from exports.models import ExportJob
from sessions.models import Session
from tests.factories import SessionFactory
from tests.test_url_access import _browser

FAR = ["9999-12-31T23:59", "2101-01-01T00:00", "1999-12-31T10:00", "0202-03-04T10:00"]


def _session(**overrides: Any) -> dict[str, Any]:
    return {
        "starts_at": "9999-12-31T23:59",
        "duration_minutes": 50,
        "modality": "in_person",
        "attendance": "no_show",
        "notes": "Absent, sans nouvelles.",
    } | overrides


@pytest.mark.parametrize("attendance", ["no_show", "cancelled_late", "cancelled_notice"])
@pytest.mark.parametrize("starts_at", FAR)
def test_a_session_dated_out_of_range_is_refused_with_a_message(
    practice: Practice, attendance: str, starts_at: str
) -> None:
    before = Session.objects.count()
    response = _browser("alice", practice).post(
        reverse("sessions:create", args=[practice.client.pk]),
        _session(attendance=attendance, starts_at=starts_at),
    )
    text = html.unescape(response.content.decode())
    assert response.status_code == 200 and Session.objects.count() == before
    assert "2000" in text and "2100" in text  # "Enter a date between … and …"
    assert "Absent, sans nouvelles." in text  # what was typed is kept


def test_the_database_refuses_an_out_of_range_session_whatever_the_path(
    practice: Practice,
) -> None:
    session = SessionFactory(client=practice.client)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(
            starts_at=dt.datetime(2101, 6, 1, tzinfo=dt.UTC)
        )
    for model, field in ((Client, "start_date"), (Task, "due_date")):
        obj = practice.client if model is Client else practice.task
        with pytest.raises(IntegrityError), transaction.atomic():
            model.objects.filter(pk=obj.pk).update(**{field: dt.date(2101, 1, 1)})
    with pytest.raises(IntegrityError), transaction.atomic():
        ExportJob.objects.filter(pk=practice.job.pk).update(period_end=dt.date(9999, 12, 31))


def test_the_last_plausible_day_still_saves_and_every_page_reads_it(practice: Practice) -> None:
    browser = _browser("alice", practice)
    response = browser.post(
        reverse("sessions:create", args=[practice.client.pk]),
        _session(starts_at="2100-12-31T10:00", attendance="cancelled_practitioner"),
    )
    assert response.status_code == 302
    session = Session.objects.get(client=practice.client, starts_at__year=2100)
    for url in (
        reverse("clients:detail", args=[practice.client.pk]),
        reverse("clients:caseload"),
        reverse("sessions:edit", args=[session.pk]),
    ):
        assert browser.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("url", "data", "field_value"),
    [
        ("clients:edit", {"start_date": "0202-01-01"}, "0202-01-01"),
        ("clients:goal_create", {"agreed_on": "9999-12-31"}, "9999-12-31"),
    ],
)
def test_client_and_goal_dates_are_bounded(
    practice: Practice, url: str, data: dict[str, str], field_value: str
) -> None:
    form = {
        "display_name": "Camille Roy",
        "code": practice.client.code,
        "status": "active",
        "usual_duration_minutes": 50,
        "start_date": "2026-01-05",
        "wording": "Dormir mieux",
        "proposed_by": "together",
        "priority": "medium",
        "version": practice.client.version,
    } | data
    response = _browser("alice", practice).post(reverse(url, args=[practice.client.pk]), form)
    assert response.status_code == 200 and "2100" in html.unescape(response.content.decode())
    practice.client.refresh_from_db()
    assert is_plausible(practice.client.start_date)


def test_an_export_period_and_an_audit_filter_out_of_range_answer_a_message(
    practice: Practice,
) -> None:
    response = _browser("ada", practice).get(reverse("audit:entries"), {"end": "9999-12-31"})
    assert response.status_code == 200
    assert "2100" in html.unescape(response.content.decode())
    response = _browser("ada", practice).get(reverse("audit:entries"), {"client_id": 10**30})
    assert response.status_code == 200
    before = ExportJob.objects.count()
    response = _browser("sam", practice).post(
        reverse("exports:index"),
        {
            "period_start": "2026-01-01",
            "period_end": "9999-12-31",
            "content": "sessions",
            "format": "csv",
        },
    )
    assert response.status_code == 200 and ExportJob.objects.count() == before


def test_is_plausible_compares_datetimes_in_utc() -> None:
    late = dt.datetime(2100, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert not is_plausible(late)  # 2101-01-01 04:00 in UTC
    assert is_plausible(dt.datetime(2100, 12, 31, 12, tzinfo=dt.UTC))
    assert not is_plausible(dt.date(1999, 12, 31)) and is_plausible(dt.date(2000, 1, 1))

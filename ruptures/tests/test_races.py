"""Concurrent steps on one flag (audit finding 6): nothing is silently overwritten, no 500.

These tests need PostgreSQL: SQLite serialises writers, so there is no race to lose.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from conftest import Practice
from ruptures import services
from ruptures.models import FlagStatus, RepairPlan, RuptureFlag

PLAN = {"cause": "bond", "responsibility": "Mon rythme", "exploration": "", "adjustment": ""}


def _at_once(*steps: Callable[[], Any]) -> list[str]:
    """Run the steps in threads released together; return each one's outcome."""
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL")
    barrier = threading.Barrier(len(steps))
    outcomes = [""] * len(steps)

    def run(i: int, step: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            step()
            outcomes[i] = "ok"
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test reads
            outcomes[i] = type(exc).__name__
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(5))
def test_a_dismissal_and_a_plan_at_once_never_mix(practice: Practice, attempt: int) -> None:
    flag = RuptureFlag.objects.get(pk=practice.flag.pk)
    other = RuptureFlag.objects.get(pk=flag.pk)
    outcomes = _at_once(
        lambda: services.flag_dismiss(
            flag=flag, actor=practice.alice, expected_version=flag.version, reason="Pas une rupture"
        ),
        lambda: services.repair_plan_save(
            flag=other, actor=practice.alice, data=PLAN, expected_version=None
        ),
    )
    assert set(outcomes) <= {"ok", "StaleEdit", "ValidationError"}, outcomes
    final = RuptureFlag.objects.get(pk=flag.pk)
    if final.status == FlagStatus.DISMISSED:
        assert final.dismissed_reason and not RepairPlan.objects.filter(flag=final).exists()
    else:
        assert final.status == FlagStatus.REPAIR_PLANNED and final.dismissed_reason == ""


@pytest.mark.django_db(transaction=True)
def test_two_first_plans_at_once_make_one_plan_and_no_error(practice: Practice) -> None:
    flags = [RuptureFlag.objects.get(pk=practice.flag.pk) for _ in range(3)]
    outcomes = _at_once(
        *(
            lambda f=f: services.repair_plan_save(
                flag=f, actor=practice.alice, data=PLAN, expected_version=None
            )
            for f in flags
        )
    )
    assert sorted(outcomes) == ["StaleEdit", "StaleEdit", "ok"], outcomes
    assert RepairPlan.objects.filter(flag_id=practice.flag.pk).count() == 1

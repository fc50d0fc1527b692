from __future__ import annotations

import pytest

from sessions.scoring import SUBSCALE_ITEMS, score_wai_sr


def test_subscales_use_the_documented_items() -> None:
    assert SUBSCALE_ITEMS == {"task": (1, 2, 10, 12), "bond": (3, 5, 7, 9), "goal": (4, 6, 8, 11)}
    items = sorted(i for group in SUBSCALE_ITEMS.values() for i in group)
    assert items == list(range(1, 13))


def test_score_gives_subscale_means_and_total() -> None:
    responses = dict.fromkeys(range(1, 13), 5) | {1: 1, 2: 1, 10: 1, 12: 1}
    score = score_wai_sr(responses)
    assert (score.task, score.bond, score.goal, score.total) == (1.0, 5.0, 5.0, 44)


def test_extremes_give_12_and_60() -> None:
    assert score_wai_sr(dict.fromkeys(range(1, 13), 1)).total == 12
    assert score_wai_sr(dict.fromkeys(range(1, 13), 5)).total == 60


@pytest.mark.parametrize(
    "responses",
    [
        dict.fromkeys(range(1, 12), 3),  # item 12 missing
        dict.fromkeys(range(1, 13), 3) | {4: 6},
        dict.fromkeys(range(1, 13), 3) | {9: 0},
    ],
)
def test_incomplete_or_out_of_range_responses_are_refused(responses: dict[int, int]) -> None:
    with pytest.raises(ValueError, match="WAI-SR"):
        score_wai_sr(responses)

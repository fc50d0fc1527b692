"""Score the client-rated WAI-SR (12 items, 1-5) into its three subscales and total.

Plain Python, no Django: the app never reproduces the questionnaire's wording, only item numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ITEM_COUNT = 12
MIN_RESPONSE = 1
MAX_RESPONSE = 5
SUBSCALE_ITEMS: dict[str, tuple[int, ...]] = {
    "task": (1, 2, 10, 12),
    "bond": (3, 5, 7, 9),
    "goal": (4, 6, 8, 11),
}


@dataclass(frozen=True)
class WaiSrScore:
    task: float
    bond: float
    goal: float
    total: int


def score_wai_sr(responses: Mapping[int, int]) -> WaiSrScore:
    """Return the subscale means (1-5) and the total (12-60) of a complete set of responses."""
    missing = [i for i in range(1, ITEM_COUNT + 1) if i not in responses]
    if missing:
        raise ValueError(f"WAI-SR items missing: {missing}")
    for item, value in responses.items():
        if not MIN_RESPONSE <= value <= MAX_RESPONSE:
            raise ValueError(f"WAI-SR item {item} must be 1-5, not {value}")
    means = {
        name: round(sum(responses[i] for i in items) / len(items), 2)
        for name, items in SUBSCALE_ITEMS.items()
    }
    return WaiSrScore(
        task=means["task"],
        bond=means["bond"],
        goal=means["goal"],
        total=sum(responses[i] for i in range(1, ITEM_COUNT + 1)),
    )

"""Links for long lists, built without one reverse() per row."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

_SENTINEL = 2_147_483_647


def pk_link(name: str) -> Callable[[int], str]:
    """Return a builder of the URL named `name` for one integer argument.

    reverse() costs about 25 µs; the caseload's fifty rows, two links each, spent a tenth
    of the page's time in it. This reverses once, with a sentinel, and fills in the rest.
    Call it per request: the URL carries the request's script prefix.
    """
    head, found, tail = reverse(name, args=[_SENTINEL]).partition(str(_SENTINEL))
    if not found:
        raise ValueError(f"{name} does not take its integer argument in its path")
    return lambda pk: f"{head}{int(pk)}{tail}"

"""pk_link builds the same URLs as reverse()."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.urls.base import set_script_prefix

from alliance.links import pk_link


@pytest.mark.parametrize(
    "name", ["clients:detail", "sessions:edit", "sessions:delete", "ruptures:repair_plan"]
)
@pytest.mark.parametrize("pk", [1, 42, 2_147_483_646])
def test_pk_link_matches_reverse(name: str, pk: int) -> None:
    assert pk_link(name)(pk) == reverse(name, args=[pk])


def test_pk_link_keeps_the_script_prefix() -> None:
    set_script_prefix("/alliance/")
    try:
        assert pk_link("clients:detail")(7) == "/alliance/clients/7/"
    finally:
        set_script_prefix("/")


def test_pk_link_refuses_a_route_without_an_argument() -> None:
    with pytest.raises(Exception):  # noqa: B017 - reverse() refuses it, or pk_link does
        pk_link("clients:caseload")

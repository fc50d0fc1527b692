"""Leave CHECK constraints to the database when Django validates a model."""

from __future__ import annotations

from typing import Any

from django.db import models


class CheckedInDatabase:
    """A model mixin: full_clean() skips CheckConstraints, keeps unique checks.

    Django checks each CheckConstraint with a query of its own (nine for a session). The
    forms express the same rules as field validation with clear messages, and the database
    refuses any row that breaks them, whatever the path (tests pin both).
    """

    def get_constraints(self) -> list[tuple[Any, list[Any]]]:
        return [
            (model, [c for c in constraints if not isinstance(c, models.CheckConstraint)])
            for model, constraints in super().get_constraints()  # type: ignore[misc]
        ]

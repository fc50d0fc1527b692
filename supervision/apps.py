from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    """Caseload alliance trends, the at-risk queue, and supervision comments."""

    name = "supervision"
    verbose_name = _("Supervision")
